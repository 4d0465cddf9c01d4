package org.tessera.engine.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Liveness beyond the local pid: a worker elsewhere lives while its heartbeat is fresh. */
class HeartbeatTest {
    private static final long NOW = 1_000_000_000L;
    /** A pid no process on this machine has (pid_max is at most 2^22 on Linux). */
    private static final long GONE_PID = 9_999_999L;

    private static RunInfo running(long pid) {
        return new RunInfo("x", RunState.RUNNING, null, pid, "cpu()", 3, 10, 1, 2, 3, 0, null, Map.of(), "fp32");
    }

    @Test
    void aWorkerOnAnotherHostLivesWhileItsHeartbeatIsFresh() {
        RunInfo remote = running(GONE_PID);
        assertTrue(RunManager.alive(remote, new Heartbeat(NOW - 4_000, GONE_PID, "gpu-node-7"), "here", NOW));
        assertFalse(RunManager.alive(remote, new Heartbeat(NOW - Heartbeat.STALE_MS, GONE_PID, "gpu-node-7"), "here",
                NOW), "three missed beats: gone");
        assertFalse(RunManager.alive(remote, null, "here", NOW), "no heartbeat, no local process: gone");
    }

    @Test
    void aDeadWorkerOnThisHostIsDeadAtOnceWhateverItsLastBeat() {
        assertFalse(RunManager.alive(running(GONE_PID), new Heartbeat(NOW - 1, GONE_PID, "here"), "here", NOW));
        assertTrue(RunManager.alive(running(ProcessHandle.current().pid()), null, "here", NOW));
    }

    @Test
    void theWorkerBeatsWhileItRuns(@TempDir Path tmp) throws Exception {
        RunFolder f = new RunFolder(tmp);
        try (AutoCloseable beating = Heartbeat.beat(f)) {
            Heartbeat h = Heartbeat.read(f).orElseThrow();
            assertEquals(ProcessHandle.current().pid(), h.pid());
            assertEquals(Heartbeat.thisHost(), h.host());
            assertTrue(h.fresh(System.currentTimeMillis()));
        }
    }
}
