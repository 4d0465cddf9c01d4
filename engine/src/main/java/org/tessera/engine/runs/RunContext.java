package org.tessera.engine.runs;

import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.runs.events.RolloutGroup;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.train.JsonlWriter;

import java.util.Locale;
import java.util.Objects;

/**
 * What a running experiment sees of its run: where to log, how to report progress, and whether the user asked it
 * to pause or cancel. The training loop calls {@link #betweenSteps(long)} after every step, so a cancel takes
 * effect within one step; long work between two steps (the policy harvest) reports through {@link #monitor()}.
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
    public void metric(RunEvent event) {
        metrics.append(RunEvents.toJson(event));
    }

    /** Appends one GRPO group to rollouts.jsonl, through the one writer of log lines (runs.events.RunEvents). */
    public void rollout(RolloutGroup group) {
        rollouts.append(RunEvents.toJson(group));
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

    /**
     * The run as a {@link JobMonitor}, for long work between two training steps (a harvest samples hundreds of
     * puzzles), so that a Stop need not wait for it to end: {@code cancelled()} reads control.json's cancel flag and
     * {@code throwIfCancelled} throws the run's own {@link RunCancelledException} at the current step (the worker
     * then marks the run CANCELLED, keeping its metrics and checkpoints, not FAILED). {@code progress} puts
     * "task done/total detail" into run.json's message (a new task at once, the same task's counts at most once a
     * second, like {@link #progress(long, String)}) and clears it when done reaches total, as the message of a pause
     * is cleared when the run goes on. A pause asked meanwhile takes effect at the next step.
     */
    public JobMonitor monitor() {
        return new JobMonitor() {
            private long lastWrite;
            private String lastTask;

            @Override
            public void progress(String task, long done, long total, String detail) {
                boolean finished = total > 0 && done >= total;
                long now = System.currentTimeMillis();
                if (!finished && task.equals(lastTask) && now - lastWrite <= 1000) {
                    return; // a new task is shown at once, the same task's counts once a second
                }
                lastTask = task;
                String message = finished ? null : task.toLowerCase(Locale.ROOT) + " " + done + "/" + total
                        + (detail.isEmpty() ? "" : " " + detail);
                if (Objects.equals(message, info.message())) {
                    return;
                }
                info = info.with(info.state(), message);
                folder.writeInfo(info);
                lastWrite = now;
            }

            @Override
            public boolean cancelled() {
                return folder.readControl().cancel();
            }

            @Override
            public void throwIfCancelled(String where) {
                if (cancelled()) {
                    throw new RunCancelledException(info.step(), where);
                }
            }
        };
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
