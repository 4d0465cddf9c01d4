package org.tessera.engine.runs;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;
import org.tessera.engine.train.TrainerCheckpoint;
import org.tessera.engine.world.SuiteResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A Stop reaches long work between two training steps (the policy harvest) through {@link RunContext#monitor()}. */
class RunHarvestCancelTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void model() {
        model = TinyRunFixture.saveModel(tmp.resolve("model"));
    }

    private static RunFolder folder(String name) {
        // two GRPO steps, then a harvest of the policy on 40 fresh puzzles (two chunks), then two SFT steps
        String json = TinyRunFixture.experiment(model, "rft-then-sft", 2).replace("\"grpo\": {",
                "\"harvest\": {\"from\": \"policy\", \"puzzles\": 40, \"samples\": 2}, \"grpo\": {");
        Experiment e = ExperimentLoader.parse(json, Path.of(name + ".json"));
        assertEquals("policy", e.method().harvest().from());
        return RunManager.createFolder(tmp.resolve("runs-" + name), e);
    }

    @Test
    void aCancelAskedWhenTheGrpoPhaseEndsStopsTheHarvestAndAResumeTakesItAgain() throws Exception {
        RunFolder f = folder("harvest-cancel");
        // The knowledge suite runs at the evaluations of step 0 and step 2, the GRPO phase's last, after which no
        // step boundary comes before the harvest: a cancel asked there can only be seen by the harvest itself.
        JigsawMethod.KnowledgeFactory world = KnowledgeSetups.world();
        JigsawMethod.KnowledgeFactory cancelling = (e, policy) -> {
            JigsawMethod.KnowledgeSetup ks = world.apply(e, policy);
            int[] calls = {0};
            return new JigsawMethod.KnowledgeSetup((m, monitor) -> {
                SuiteResult r = ks.suite().apply(m, monitor);
                if (++calls[0] == 2) {
                    f.writeControl(new RunControl(false, true));
                }
                return r;
            }, ks.probe());
        };
        assertEquals(3, new RunWorker(() -> new JigsawMethod(cancelling, tmp)).run(f.dir()),
                () -> f.readInfo().map(RunInfo::message).orElse("no run.json"));
        RunInfo info = f.info();
        assertEquals(RunState.CANCELLED, info.state(), info.message());
        assertTrue(info.message().startsWith("cancelled at step 2 (harvest 0/40 puzzles)"), info.message());
        assertTrue(info.message().contains("step-0000002 kept"), info.message());
        assertFalse(Files.exists(f.dir().resolve("sft-data.jsonl")), "no half harvest is kept");
        // the GRPO phase's last checkpoint was written before the harvest began: a resume starts from it
        assertEquals("step-0000002", TrainerCheckpoint.latest(f.checkpointsDir()).orElseThrow().getFileName()
                .toString());
        assertEquals(List.of(1L, 2L), RunFaultToleranceTest.steps(f, "train"));

        // Resume: the harvest is taken again from that checkpoint (the untrained fixture samples no exact answer,
        // so the SFT phase then has no data; what matters here is that the harvest ran, not that it was refused)
        f.writeInfo(f.info().with(RunState.QUEUED, "resuming"));
        new RunWorker(() -> new JigsawMethod(KnowledgeSetups.world(), tmp)).run(f.dir());
        assertEquals(List.of(2L), RunFaultToleranceTest.steps(f, "harvest"), f.info().message());
        assertTrue(Files.exists(f.dir().resolve("sft-data.jsonl")));
    }

    @Test
    void theRunsMonitorReadsTheCancelFlagAndWritesItsProgressIntoRunJson() throws Exception {
        RunFolder f = folder("monitor");
        RunContext ctx = new RunContext(f, f.info().startedBy(ProcessHandle.current().pid(), "cpu()", null, null)
                .withProgress(7, null));
        JobMonitor monitor = ctx.monitor();
        assertFalse(monitor.cancelled());
        monitor.throwIfCancelled("nowhere yet");

        monitor.progress("Harvest", 64, 512, "puzzles");
        assertEquals("harvest 64/512 puzzles", f.info().message());
        assertEquals(RunState.RUNNING, f.info().state());
        monitor.progress("Harvest", 96, 512, "puzzles"); // within a second of the last write: not written
        assertEquals("harvest 64/512 puzzles", f.info().message());
        monitor.progress("Harvest", 512, 512, "puzzles"); // done: the message goes, at once
        assertNull(f.info().message());
        assertEquals(7, f.info().step());

        f.writeControl(new RunControl(false, true));
        assertTrue(monitor.cancelled());
        RunCancelledException e = assertThrows(RunCancelledException.class,
                () -> monitor.throwIfCancelled("harvest 128/512 puzzles"));
        assertEquals("cancelled at step 7 (harvest 128/512 puzzles)", e.getMessage());
    }

    /**
     * An evaluation inside a run shows how far it is in run.json's message, and does not stop on a cancel: the
     * step's checkpoint comes after it, so a Stop asked during an evaluation keeps what the step trained.
     */
    @Test
    void anEvaluationReportsIntoRunJsonAndFinishesBeforeAStopTakesEffect() throws Exception {
        RunFolder f = folder("eval-progress");
        JigsawMethod.KnowledgeFactory world = KnowledgeSetups.world();
        List<String> seen = new ArrayList<>();
        JigsawMethod.KnowledgeFactory watching = (e, policy) -> {
            JigsawMethod.KnowledgeSetup ks = world.apply(e, policy);
            return new JigsawMethod.KnowledgeSetup((m, monitor) -> {
                SuiteResult r = ks.suite().apply(m, monitor);
                if (seen.isEmpty()) { // the step-0 evaluation: what run.json says while it runs, then a Stop
                    monitor.progress("Checking", 1, 2, "items");
                    seen.add(f.info().message());
                    f.writeControl(new RunControl(false, true));
                    seen.add("cancelled=" + monitor.cancelled());
                    monitor.throwIfCancelled("the knowledge suite");
                }
                return r;
            }, ks.probe());
        };
        assertEquals(3, new RunWorker(() -> new JigsawMethod(watching, tmp)).run(f.dir()),
                () -> f.readInfo().map(RunInfo::message).orElse("no run.json"));
        assertEquals(List.of("eval: checking 1/2 items", "cancelled=false"), seen);
        RunInfo info = f.info();
        assertEquals(RunState.CANCELLED, info.state(), info.message());
        assertEquals(List.of(0L), RunFaultToleranceTest.steps(f, "eval"), "the evaluation was logged whole");
    }
}
