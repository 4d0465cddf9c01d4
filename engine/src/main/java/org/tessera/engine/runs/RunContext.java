package org.tessera.engine.runs;

import org.tessera.engine.train.JsonlWriter;


/**
 * What a running experiment sees of its run: where to log, how to report progress, and whether the user asked it
 * to pause or cancel. The training loop calls {@link #betweenSteps(long)} after every step, so a cancel takes
 * effect within one step.
 */
public final class RunContext {
    private final RunFolder folder;
    private final JsonlWriter metrics;
    private final JsonlWriter rollouts;
    private volatile RunInfo info;
    private long lastInfoWrite;

    public RunContext(RunFolder folder, RunInfo info) {
        this.folder = folder;
        this.info = info;
        this.metrics = new JsonlWriter(folder.metricsFile());
        this.rollouts = new JsonlWriter(folder.rolloutsFile());
    }

    public RunFolder folder() {
        return folder;
    }

    /** Appends one event to metrics.jsonl, through the one writer of events (runs.events.RunEvents). */
    public void metric(org.tessera.engine.runs.events.RunEvent event) {
        metrics.append(org.tessera.engine.runs.events.RunEvents.toJson(event));
    }

    /** Appends one GRPO group to rollouts.jsonl, through the one writer of log lines (runs.events.RunEvents). */
    public void rollout(org.tessera.engine.runs.events.RolloutGroup group) {
        rollouts.append(org.tessera.engine.runs.events.RunEvents.toJson(group));
    }

    public RunInfo info() {
        return info;
    }

    /** Records the completed step (and a new checkpoint, if one was just written); run.json at most every second. */
    public void progress(long step, String checkpoint) {
        info = info.withProgress(step, checkpoint);
        long now = System.currentTimeMillis();
        if (checkpoint != null || now - lastInfoWrite > 1000) {
            folder.writeInfo(info);
            lastInfoWrite = now;
        }
    }

    /** Honours pause (blocks, state PAUSED) and cancel (throws) requests from control.json. */
    public void betweenSteps(long step) {
        RunControl c = folder.readControl();
        if (c.cancel()) {
            throw new RunCancelledException(step);
        }
        if (c.pause()) {
            info = info.with(RunState.PAUSED, "paused at step " + step);
            folder.writeInfo(info);
            while (c.pause() && !c.cancel()) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RunCancelledException(step);
                }
                c = folder.readControl();
            }
            if (c.cancel()) {
                throw new RunCancelledException(step);
            }
            info = info.with(RunState.RUNNING, null);
            folder.writeInfo(info);
        }
    }

    public void setTotalSteps(long total) {
        info = new RunInfo(info.name(), info.state(), info.message(), info.pid(), info.device(), info.step(), total,
                info.createdMs(), info.startedMs(), info.updatedMs(), info.finishedMs(), info.lastCheckpoint(),
                info.versions(), info.precision());
        folder.writeInfo(info);
    }
}
