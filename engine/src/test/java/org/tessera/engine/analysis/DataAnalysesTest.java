package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.KnowledgeSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The analyses as the CLI and the workbench both run them: same numbers as their parts, progress, and a stop. */
class DataAnalysesTest {
    private static final List<String> KINDS = List.of("answer-only", "teacher-reasoning");

    private static AnalysisData data(int perKind) {
        return new AnalysisData(null, Grid.parse("2x2"), "procedural", 3, KINDS, perKind);
    }

    /** Records every report; cancels once {@code stopAt} (task name) has been reported {@code after} times. */
    private static final class Recorder implements JobMonitor {
        final List<String> seen = new ArrayList<>();
        final String stopAt;
        final int after;
        int count;

        Recorder(String stopAt, int after) {
            this.stopAt = stopAt;
            this.after = after;
        }

        @Override
        public void progress(String task, long done, long total, String detail) {
            seen.add(task + " " + done + "/" + total);
            if (task.equals(stopAt)) {
                count++;
            }
        }

        @Override
        public boolean cancelled() {
            return stopAt != null && count >= after;
        }
    }

    @Test
    void perplexityIsThatOfEachSampleScoredAlone() {
        try (TinyVlm model = AnalysisFixtures.model(11)) {
            Recorder r = new Recorder(null, 0);
            DataAnalyses.PerplexityReport report = DataAnalyses.perplexity(model, data(3), List.of(), r);
            assertEquals(List.of("answer-only", "teacher-reasoning"),
                    report.kinds().stream().map(PerplexityAnalysis.KindSummary::kind).toList());
            assertEquals(6, report.samples().size());
            assertTrue(report.notes().isEmpty(), report.notes().toString());
            List<DataSample> teacher = data(3).sets(PromptWording.of(model)).samples("teacher-reasoning", List.of(), 3);
            double[] alone = PerplexityAnalysis.score(model, teacher).scored().stream()
                    .mapToDouble(PerplexityAnalysis.SamplePerplexity::perplexity).toArray();
            double[] inReport = report.samples().stream().filter(s -> s.kind().equals("teacher-reasoning"))
                    .mapToDouble(PerplexityAnalysis.SamplePerplexity::perplexity).toArray();
            assertArrayEquals(alone, inReport, 1e-9 * alone[0]);
            assertEquals("Scoring 6/6", r.seen.get(r.seen.size() - 1));
        }
    }

    @Test
    void influenceFillsOneBarAndMatchesTheMeasurementOfItsParts() {
        try (TinyVlm model = AnalysisFixtures.model(11)) {
            Recorder r = new Recorder(null, 0);
            DataAnalyses.InfluenceReport report = DataAnalyses.influence(model, data(2), List.of(),
                    new DataAnalyses.InfluenceSettings(3, 1e-4, 1, 0), r);
            assertEquals(List.of("answer-only", "teacher-reasoning"),
                    report.kinds().stream().map(k -> k.summary().group()).toList());
            assertEquals("Influence 4/4", r.seen.get(r.seen.size() - 1), "one task over both kinds: " + r.seen);
            assertTrue(r.seen.contains("Probe gradients 3/3"), r.seen.toString());

            // the same measurement by hand, from the parts
            List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(3, KnowledgeSuite.DEFAULT_SEED);
            List<DataSample> answers = data(2).sets(PromptWording.of(model)).answerOnly(2);
            try (InfluenceProbe<TrainingExample> probe = new InfluenceProbe<>(new VlmLogProbModel(model), probes)) {
                InfluenceSummary byHand = new InfluenceAnalysis(probe, 1e-4, JobMonitor.NONE)
                        .group("answer-only", answers, 1);
                assertEquals(byHand.meanSigned(), report.kinds().get(0).summary().meanSigned(),
                        1e-9 * Math.abs(byHand.meanSigned()));
                assertEquals(report.probes(), probe.size());
            }
        }
    }

    @Test
    void aStopInAnyPhaseEndsTheAnalysisAndLeavesTheWeights() {
        for (String phase : List.of("Scoring", "Probe gradients", "Influence")) {
            try (TinyVlm model = AnalysisFixtures.model(11)) {
                List<TrainingExample> check = InfluenceAnalysis.knowledgeProbes(2, 7);
                double[] before;
                try (InfluenceProbe<TrainingExample> p = new InfluenceProbe<>(new VlmLogProbModel(model), check)) {
                    before = p.logProbs(check);
                }
                Recorder r = new Recorder(phase, 1);
                assertThrows(CancellationException.class, () -> DataAnalyses.influence(model, data(2), List.of(),
                        new DataAnalyses.InfluenceSettings(3, 1e-4, 2, 0), r), phase);
                assertTrue(r.seen.stream().noneMatch(s -> s.startsWith("Influence 4/4")), phase + ": " + r.seen);
                try (InfluenceProbe<TrainingExample> p = new InfluenceProbe<>(new VlmLogProbModel(model), check)) {
                    assertArrayEquals(before, p.logProbs(check), 0.0, phase + ": weights as they were");
                }
            }
        }
        try (TinyVlm model = AnalysisFixtures.model(11)) {
            JobMonitor stopNow = new JobMonitor() {
                @Override
                public void progress(String task, long done, long total, String detail) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            };
            CancellationException e = assertThrows(CancellationException.class,
                    () -> DataAnalyses.perplexity(model, data(2), List.of(), stopNow));
            assertTrue(e.getMessage().contains("building samples"), e.getMessage());
        }
    }
}
