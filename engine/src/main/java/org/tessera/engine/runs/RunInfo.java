package org.tessera.engine.runs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Map;

/**
 * {@code run.json}: a run's state as its worker last wrote it. The worker rewrites it atomically (temp + rename)
 * at every state change and every few seconds while running, so a reader always sees a whole file.
 *
 * @param pid           the worker process (to tell a live run from one whose worker died)
 * @param step          last completed training step
 * @param totalSteps    steps the run will take
 * @param message       human-readable detail ("diverged at step 212; last good checkpoint step-000200 kept")
 * @param lastCheckpoint folder name of the newest complete checkpoint, or null
 * @param device        the device the worker trains on ({@code gpu(0)}, {@code cpu()}; before it starts: what the
 *                      experiment asks for)
 * @param precision     the compute precision on that device ({@code fp32}, {@code fp32 (TF32 matmuls allowed)})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunInfo(
        @JsonProperty("name") String name,
        @JsonProperty("state") RunState state,
        @JsonProperty("message") String message,
        @JsonProperty("pid") long pid,
        @JsonProperty("device") String device,
        @JsonProperty("step") long step,
        @JsonProperty("total_steps") long totalSteps,
        @JsonProperty("created_ms") long createdMs,
        @JsonProperty("started_ms") long startedMs,
        @JsonProperty("updated_ms") long updatedMs,
        @JsonProperty("finished_ms") long finishedMs,
        @JsonProperty("last_checkpoint") String lastCheckpoint,
        @JsonProperty("versions") Map<String, String> versions,
        @JsonProperty("precision") String precision) {

    public RunInfo with(RunState newState, String newMessage) {
        return new RunInfo(name, newState, newMessage, pid, device, step, totalSteps, createdMs, startedMs,
                System.currentTimeMillis(), newState.terminal() ? System.currentTimeMillis() : finishedMs,
                lastCheckpoint, versions, precision);
    }

    public RunInfo withProgress(long newStep, String checkpoint) {
        return new RunInfo(name, state, message, pid, device, newStep, totalSteps, createdMs, startedMs,
                System.currentTimeMillis(), finishedMs, checkpoint == null ? lastCheckpoint : checkpoint, versions,
                precision);
    }

    public RunInfo startedBy(long workerPid, String workerDevice, Map<String, String> workerVersions,
                             String workerPrecision) {
        long now = System.currentTimeMillis();
        return new RunInfo(name, RunState.RUNNING, null, workerPid, workerDevice, step, totalSteps, createdMs,
                startedMs == 0 ? now : startedMs, now, 0, lastCheckpoint, workerVersions, workerPrecision);
    }

    /** Whether the worker process that last wrote this file is still alive (false once it died, e.g. kill -9). */
    public boolean workerAlive() {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    public double progress() {
        return totalSteps <= 0 ? 0 : Math.min(1.0, (double) step / totalSteps);
    }
}
