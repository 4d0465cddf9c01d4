package org.tessera.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.runs.TestRuns;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.analysis.DataSample;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunState;

/** Which samples the view's choices turn into, and the messages for choices that cannot work; no model needed. */
class AnalysisServiceTest {
    @TempDir
    Path temp;

    /** A loader that must not be reached: every case here fails (or is decided) before a model is needed. */
    private final AtomicInteger loads = new AtomicInteger();
    private final AnalysisService service = new AnalysisService((dir, frozen) -> {
        loads.incrementAndGet();
        throw new AssertionError("no model should be loaded");
    });

    private static AnalysisService.DataChoice choice(Path run, List<String> kinds, int n) {
        return new AnalysisService.DataChoice(Path.of("model"), run, kinds, n);
    }

    @Test
    void eachKindOfARunGetsItsOwnSamplesAndAnEmptyKindBecomesANote() throws Exception {
        String grpo = TestRuns.experiment("grpo", "grpo", 0.001);
        RunFolder run = TestRuns.write(temp, "r", grpo, RunState.FINISHED, 4, List.of(),
                List.of(AnalysisViewTest.rollouts(grpo, 2, 3).replace("\"exact\":true", "\"exact\":false")));
        List<String> notes = new ArrayList<>();
        List<String> kinds = List.of("answer-only", "rollouts", "rollouts-exact");
        Map<String, List<DataSample>> samples = org.tessera.engine.analysis.DataAnalyses.samples(
                org.tessera.engine.analysis.AnalysisData.of(run.rolloutsFile(), kinds, 5),
                service.data(choice(run.dir(), kinds, 5)).groups(), PromptWording.WORLD,
                org.tessera.engine.jobs.JobMonitor.NONE, notes);
        assertEquals(List.of("answer-only", "rollouts"), List.copyOf(samples.keySet()));
        assertEquals(5, samples.get("answer-only").size());
        assertEquals(2, samples.get("rollouts").size(), "all the run logged");
        assertEquals(List.of("rollouts-exact: the run logged no such samples; left out."), notes);
    }

    @Test
    void choicesThatCannotWorkSayWhyBeforeAnyModelIsLoaded() throws Exception {
        List<String> notes = new ArrayList<>();
        assertEquals("Choose at least one data kind.", assertThrows(IllegalArgumentException.class,
                () -> service.data(choice(null, List.of(), 4))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> service.data(choice(null, List.of("rollouts"), 4))).getMessage()
                .contains("need a GRPO run"));
        Path gone = temp.resolve("gone");
        assertEquals(gone + ": the run folder is missing (moved or deleted?)", assertThrows(
                AnalysisDataException.class, () -> service.data(choice(gone, List.of("answer-only"), 4)))
                .getMessage());
        RunFolder sft = TestRuns.write(temp, "sft", TestRuns.experiment("sft", "sft", 0.001), RunState.FINISHED, 4,
                List.of(), List.of());
        assertTrue(assertThrows(AnalysisDataException.class,
                () -> service.perplexity(choice(sft.dir(), List.of("rollouts"), 4), null)).getMessage()
                .contains("no such file"));
        assertThrows(IllegalArgumentException.class, () -> new org.tessera.engine.analysis.DataAnalyses.InfluenceSettings(3, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new org.tessera.engine.analysis.DataAnalyses.InfluenceSettings(0, 1e-4, 0, 0));
        assertEquals(0, loads.get());
        assertTrue(Files.isDirectory(sft.dir()));
    }
}
