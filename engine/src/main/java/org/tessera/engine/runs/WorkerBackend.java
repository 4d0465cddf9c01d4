package org.tessera.engine.runs;

import java.io.IOException;

/**
 * How a run is executed: a child JVM on this machine ({@link WorkerLauncher}) today; later a job on a cluster. A
 * backend starts the worker; from then on the run folder is the only channel (run.json, control.json,
 * metrics.jsonl, heartbeat.json: docs/contracts), so the run manager follows a run the same way whoever executes it.
 */
public interface WorkerBackend {
    /**
     * Starts the run's worker. Returns the local process when there is one (its exit is then known at once), or
     * null when the worker runs elsewhere and only its heartbeat tells that it lives.
     */
    Process start(RunFolder run) throws IOException;
}
