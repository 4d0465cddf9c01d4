package org.tessera.engine.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One queued run, one executor: a run manager starts a worker for a queued run nobody has taken, but only follows
 * one that the CLI (or another window) claimed, which used to give two workers training the same folder.
 */
class RunClaimTest {
    @TempDir
    Path tmp;

    @Test
    void aClaimIsTakenOnce() throws Exception {
        RunFolder f = RunManager.createFolder(tmp.resolve("runs"), experiment());
        assertTrue(f.claim());
        assertFalse(f.claim());
        assertFalse(RunManager.createFolder(tmp.resolve("runs"), experiment(), true).claim(),
                "a folder the CLI created for itself is already claimed");
    }

    @Test
    void aManagerLaunchesUnclaimedQueuedRunsAndOnlyFollowsClaimedOnes() throws Exception {
        Path runs = tmp.resolve("runs");
        // The model folder does not exist, so a launched worker fails at once: enough to see that it was launched.
        RunFolder open = RunManager.createFolder(runs, experiment());
        RunFolder taken = RunManager.createFolder(runs, experiment(), true);
        try (RunManager m = new RunManager(runs, new WorkerLauncher(List.of()), 4, 50).start()) {
            long deadline = System.currentTimeMillis() + 60_000;
            while (open.info().state() == RunState.QUEUED && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // a few more polls in which the claimed run must stay untouched
        }
        assertTrue(Files.exists(open.logFile()), "the unclaimed run got a worker");
        assertEquals(RunState.FAILED, open.info().state());
        assertFalse(Files.exists(taken.logFile()), "no worker for a run another process claimed");
        assertEquals(RunState.QUEUED, taken.info().state());
    }

    @Test
    void continuingAStoppedRunReleasesItsClaimAndQueuesItForAWorker() throws Exception {
        Path runs = tmp.resolve("runs");
        RunFolder f = RunManager.createFolder(runs, experiment(), true);
        f.writeInfo(f.info().with(RunState.CANCELLED, "cancelled at step 3"));
        try (RunManager m = new RunManager(runs, new WorkerLauncher(List.of()), 1, 50)) { // not started: no worker
            m.continueStopped(f);
        }
        assertEquals(RunState.QUEUED, f.info().state());
        assertTrue(f.info().message().startsWith("resuming from"), f.info().message());
        assertFalse(Files.exists(f.claimFile()), "released, so this manager's poller can claim and launch it");

        f.writeInfo(f.info().with(RunState.FINISHED, "finished at step 2"));
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> RunManager.queueForResume(f));
        assertTrue(e.getMessage().contains("already finished"), e.getMessage());
    }

    private Experiment experiment() {
        return ExperimentLoader.parse(TinyRunFixture.experiment(tmp.resolve("no-model"), "sft", 2), Path.of("claim"));
    }
}
