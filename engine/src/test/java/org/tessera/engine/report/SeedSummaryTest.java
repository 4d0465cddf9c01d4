package org.tessera.engine.report;

import org.junit.jupiter.api.Test;
import org.tessera.engine.analysis.EvalPoint;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Seeds of a condition are grouped by name, and their mean, spread and threshold steps are what the runs say. */
class SeedSummaryTest {
    private static EvalPoint at(long step, double exact, double knowledge) {
        return new EvalPoint(step, step, exact, exact, knowledge, Map.of("text", knowledge), 0, 0);
    }

    private static ReportRun run(String name, EvalPoint... evals) {
        return new ReportRun(name, Path.of("runs", name), name, "sft", "finished", List.of(evals));
    }

    @Test
    void groupsSeedsAndSummarisesThem() {
        List<SeedSummary.Row> rows = SeedSummary.rows(List.of(
                run("sft-s1", at(0, 0, 1.0), at(50, 0.6, 0.8), at(100, 0.9, 0.7)),
                run("grpo-s1", at(0, 0, 1.0), at(100, 0.2, 0.98)),
                run("sft-s2", at(0, 0, 0.9), at(50, 0.4, 0.8), at(100, 0.7, 0.6)),
                run("sft-s3", at(0, 0, 1.0), at(50, 0.5, 0.9), at(100, 0.8, 0.8))));
        assertEquals(List.of("sft", "grpo"), rows.stream().map(SeedSummary.Row::condition).toList());
        SeedSummary.Row sft = rows.get(0);
        assertEquals(3, sft.exact().n());
        assertEquals(0.8, sft.exact().mean(), 1e-12);
        assertEquals(0.1, sft.exact().sd(), 1e-12);
        assertEquals(0.7, sft.exact().min(), 1e-12);
        assertEquals(0.8 / 3, sft.knowledgeDrop().mean(), 1e-12);
        assertEquals(List.of(50L, 100L, 50L), sft.stepsToThreshold());
        assertEquals(-0.8 / 3, sft.familyChange().get("text").mean(), 1e-12);
        SeedSummary.Row grpo = rows.get(1);
        assertEquals(List.of(-1L), grpo.stepsToThreshold());
        assertEquals(0.0, grpo.exact().sd());
        String md = SeedSummary.markdown(rows);
        assertTrue(md.contains("| grpo | 1 | 100 | 0.200 ± 0.000 (0.20–0.20) |"), md);
        assertTrue(md.contains("| 50, 100, 50 |"), md);
        assertTrue(md.contains("never"), md);
    }

    @Test
    void onlyATrailingSeedSuffixIsStripped() {
        assertEquals("rft-then-sft", SeedSummary.condition("rft-then-sft-s12"));
        assertEquals("sft-s1x", SeedSummary.condition("sft-s1x"));
        assertEquals("s1-grpo", SeedSummary.condition("s1-grpo"));
    }
}
