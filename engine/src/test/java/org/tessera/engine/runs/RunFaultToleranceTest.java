package org.tessera.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.JsonlFiles;
import org.tessera.engine.train.TrainerCheckpoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs survive kill -9 (resume continues the logs exactly), divergence and unwritable folders. */
class RunFaultToleranceTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void model() {
        model = TinyRunFixture.saveModel(tmp.resolve("model"));
    }

    static RunWorker worker() {
        return new RunWorker(() -> new JigsawMethod(KnowledgeSetups.world(), tmp));
    }

    static RunFolder folder(String kind, int steps, String name) {
        Experiment e = ExperimentLoader.parse(TinyRunFixture.experiment(model, kind, steps), Path.of(name));
        return RunManager.createFolder(tmp.resolve("runs-" + name), e);
    }

    static List<Long> steps(RunFolder f, String event) {
        List<Long> out = new ArrayList<>();
        for (JsonNode n : JsonlFiles.read(f.metricsFile())) {
            if (event.equals(n.path("event").asText())) {
                out.add(n.get("step").asLong());
            }
        }
        return out;
    }

    @Test
    void killedWorkerResumesWithContinuousMetrics() throws Exception {
        // Long enough that the worker is still running when it is killed: the tiny fixture takes milliseconds a step,
        // and with 12 steps a fast machine finished the run between the poll and the kill.
        int steps = 240;
        RunFolder f = folder("sft", steps, "kill");
        Process p = new WorkerLauncher(List.of()).launch(f);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            RunInfo info = f.readInfo().orElseThrow();
            if (info.step() >= 6 && info.lastCheckpoint() != null) {
                break;
            }
            assertTrue(p.isAlive(), "worker ended early: " + Files.readString(f.logFile()));
            Thread.sleep(100);
        }
        p.destroyForcibly().waitFor(); // SIGKILL: no chance to write a final state
        assertEquals(RunState.RUNNING, f.info().state());
        assertTrue(TrainerCheckpoint.latest(f.checkpointsDir()).isPresent());

        f.writeInfo(f.info().with(RunState.QUEUED, "resuming"));
        assertEquals(0, worker().run(f.dir()));
        assertEquals(RunState.FINISHED, f.info().state());
        List<Long> train = steps(f, "train");
        List<Long> expected = new ArrayList<>();
        List<Long> evals = new ArrayList<>();
        for (long s = 1; s <= steps; s++) {
            expected.add(s);
        }
        for (long s = 0; s <= steps; s += 6) {
            evals.add(s);
        }
        assertEquals(expected, train, "every step once, in order");
        assertEquals(evals, steps(f, "eval"));
    }

    @Test
    void nanFailsTheRunAndKeepsTheLastGoodCheckpoint() throws Exception {
        RunFolder f = folder("sft", 12, "nan");
        System.setProperty("tessera.fault.nanAtStep", "6");
        try {
            assertEquals(1, worker().run(f.dir()));
        } finally {
            System.clearProperty("tessera.fault.nanAtStep");
        }
        RunInfo info = f.info();
        assertEquals(RunState.FAILED, info.state());
        assertTrue(info.message().startsWith("diverged at step 6"), info.message());
        assertTrue(info.message().contains("step-0000004"), info.message());
        Path ck = TrainerCheckpoint.latest(f.checkpointsDir()).orElseThrow();
        assertEquals("step-0000004", ck.getFileName().toString());
        try (TrainableModel m = ModelLoader.load(ck, true)) {
            for (var t : m.weightsSnapshot().values()) {
                for (float v : t.data()) {
                    assertTrue(Float.isFinite(v), "checkpoint weights are finite");
                }
            }
        }
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), steps(f, "train"), "metrics before the failure are kept");
    }

    @Test
    void unwritableCheckpointFolderFailsWithAClearMessage() throws Exception {
        RunFolder f = folder("sft", 8, "disk");
        Files.writeString(f.checkpointsDir(), "a file where the checkpoints folder should be");
        assertEquals(1, worker().run(f.dir()));
        RunInfo info = f.info();
        assertEquals(RunState.FAILED, info.state());
        assertTrue(info.message().contains("cannot write checkpoint"), info.message());
        assertTrue(info.message().contains(f.checkpointsDir().toString()), info.message());
    }

    @Test
    void cancelStopsWithinOneStepAndKeepsData() throws Exception {
        RunFolder f = folder("grpo", 40, "cancel");
        Thread t = new Thread(() -> worker().run(f.dir()));
        t.start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (f.readInfo().orElseThrow().step() < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        f.writeControl(new RunControl(false, true));
        t.join(60_000);
        RunInfo info = f.info();
        assertEquals(RunState.CANCELLED, info.state());
        assertTrue(info.step() < 40);
        assertTrue(steps(f, "train").size() >= 2);
        assertTrue(Files.size(f.rolloutsFile()) > 0, "GRPO rollouts were logged");
    }
}
