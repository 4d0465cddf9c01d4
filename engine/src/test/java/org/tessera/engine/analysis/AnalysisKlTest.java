package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "KL vs forgetting" table read from run folders. */
class AnalysisKlTest {
    @TempDir
    Path runs;

    static String eval(long step, double klTask, double klKnow, double know, double exact) {
        return "{\"step\": " + step + ", \"event\": \"eval\", \"wall_s\": 1.0, \"eval\": {\"jigsaw\": {\"exact\": " + exact
                + "}, \"knowledge\": {\"average\": {\"accuracy\": " + know + "}}, \"kl_knowledge\": " + klKnow
                + ", \"kl_task\": " + klTask + "}}";
    }

    static String train(long step) {
        return "{\"step\": " + step + ", \"event\": \"train\", \"phase\": \"sft\", \"loss\": 1.0}";
    }

    static void run(Path runs, String name, String method, String... lines) throws Exception {
        Path d = Files.createDirectories(runs.resolve(name));
        Files.writeString(d.resolve("experiment.json"), "{\"method\": " + method + "}");
        Files.writeString(d.resolve("metrics.jsonl"), String.join("\n", lines) + "\n");
    }

    @Test
    void pairsFinalTaskKlWithKnowledgeChangeSinceStepZero() throws Exception {
        run(runs, "a-grpo", "{\"kind\": \"grpo\"}", eval(0, 0, 0, 0.80, 0), train(1), eval(10, 0.05, 0.01, 0.79, 0.3));
        run(runs, "b-sft", "{\"kind\": \"sft\", \"sft\": {\"data\": \"answer-only\"}}", eval(0, 0, 0, 0.80, 0),
                eval(5, 0.9, 0.2, 0.60, 0.2), eval(10, 1.5, 0.4, 0.40, 0.5));
        run(runs, "c-sft", "{\"kind\": \"sft\", \"sft\": {\"data\": \"teacher-reasoning\"}}", eval(0, 0, 0, 0.80, 0),
                eval(10, 0.6, 0.1, 0.70, 0.4));
        Files.createDirectories(runs.resolve("not-a-run"));
        KlForgetting.Table t = KlForgetting.table(runs);
        assertEquals(List.of("a-grpo", "b-sft", "c-sft"), t.runs().stream().map(KlForgetting.RunRow::run).toList());
        KlForgetting.RunRow b = t.runs().get(1);
        assertEquals("sft/answer-only", b.method());
        assertEquals(10, b.finalStep());
        assertEquals(1.5, b.finalKlTask(), 1e-12);
        assertEquals(0.4, b.finalKlKnowledge(), 1e-12);
        assertEquals(-0.4, b.knowledgeChange(), 1e-12);
        assertEquals(0.5, b.jigsawExact(), 1e-12);
        assertEquals(3, b.series().size());
        assertEquals(3, t.pairs());
        // more KL on the task, more forgetting: a strongly negative correlation
        assertTrue(t.pearsonKlTaskVsChange() < -0.9, "r = " + t.pearsonKlTaskVsChange());
    }

    @Test
    void aRunWithoutStepZeroHasNoKnowledgeChange() throws Exception {
        run(runs, "late", "{\"kind\": \"grpo\"}", eval(10, 0.2, 0.1, 0.7, 0.1));
        KlForgetting.RunRow r = KlForgetting.table(runs).runs().get(0);
        assertTrue(Double.isNaN(r.knowledgeChange()));
        assertTrue(Double.isNaN(KlForgetting.table(runs).pearsonKlTaskVsChange()), "fewer than 3 runs");
    }

    @Test
    void aMalformedMetricsLineNamesFileAndLine() throws Exception {
        run(runs, "bad", "{\"kind\": \"grpo\"}", eval(0, 0, 0, 0.8, 0), "{not json", eval(10, 0.1, 0.1, 0.7, 0.1));
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> KlForgetting.table(runs));
        assertTrue(e.getMessage().startsWith(runs.resolve("bad").resolve("metrics.jsonl") + ":2: "), e.getMessage());
    }

    @Test
    void theLenientTableLeavesOutADamagedRunAndSaysWhy() throws Exception {
        run(runs, "bad", "{\"kind\": \"grpo\"}", eval(0, 0, 0, 0.8, 0), "{not json", eval(10, 0.1, 0.1, 0.7, 0.1));
        run(runs, "good", "{\"kind\": \"grpo\"}", eval(0, 0, 0, 0.8, 0), eval(10, 0.1, 0.1, 0.7, 0.1));
        List<String> problems = new java.util.ArrayList<>();
        KlForgetting.Table t = KlForgetting.table(runs, problems);
        assertEquals(List.of("good"), t.runs().stream().map(KlForgetting.RunRow::run).toList());
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith(runs.resolve("bad").resolve("metrics.jsonl") + ":2: "), problems.get(0));
    }

    @Test
    void pearsonMatchesAHandComputedValue() {
        // x = 1, 2, 3; y = 2, 1, 6: r = 4 / sqrt(2 * 14)
        assertEquals(4 / Math.sqrt(28), KlForgetting.pearson(List.of(new double[] {1, 2}, new double[] {2, 1},
                new double[] {3, 6})), 1e-12);
        assertTrue(Double.isNaN(KlForgetting.pearson(List.of(new double[] {1, 2}, new double[] {1, 3}))), "no spread");
    }

    /** A run still writing leaves a last line without its newline: skipped. A broken line that was ended is an error. */
    @Test
    void aCutOffLastLineIsIgnored() throws Exception {
        run(runs, "live", "{\"kind\": \"grpo\"}", eval(0, 0, 0, 0.8, 0));
        Path metrics = runs.resolve("live").resolve("metrics.jsonl");
        Files.writeString(metrics, eval(10, 0.1, 0.1, 0.7, 0.1).substring(0, 30), StandardOpenOption.APPEND);
        assertEquals(0, KlForgetting.table(runs).runs().get(0).finalStep());
        Files.writeString(metrics, "\n", StandardOpenOption.APPEND);
        assertThrows(AnalysisDataException.class, () -> KlForgetting.table(runs));
    }

    @Test
    void aMissingRunsFolderIsAnError() {
        assertThrows(AnalysisDataException.class, () -> KlForgetting.table(runs.resolve("none")));
    }
}
