package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.train.TrainingExample;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisPerplexityTest {

    @Test
    void perplexityIsExpOfTheMeanTokenNllIncludingEos() {
        try (TinyVlm model = AnalysisFixtures.model(3)) {
            List<DataSample> samples = TrainingSets.procedural(Grid.parse("2x2"), 7, org.tessera.engine.jigsaw.PromptWording.WORLD).answerOnly(3);
            PerplexityAnalysis.Scored result = PerplexityAnalysis.score(model, samples);
            assertEquals(3, result.scored().size());
            assertTrue(result.skipped().isEmpty());
            for (int i = 0; i < samples.size(); i++) {
                TrainingExample ex = samples.get(i).example();
                CompletionScore s = model.score(List.of(ex.prompt()), List.of(ex.target())).get(0);
                double[] lp = s.tokenLogProbs();
                assertEquals(model.encodeCompletion(ex.target()).length + 1, lp.length, "completion tokens + EOS");
                double nll = 0;
                for (double v : lp) {
                    nll -= v;
                }
                PerplexityAnalysis.SamplePerplexity p = result.scored().get(i);
                assertEquals(Math.exp(nll / lp.length), p.perplexity(), 1e-9 * p.perplexity());
                assertEquals(nll / lp.length, p.meanNll(), 1e-9);
                assertEquals(-lp[lp.length - 1], p.tokenNll()[lp.length - 1], 0.0);
                // a random model over a few hundred words: far from certain, far from uniform over nothing
                assertTrue(p.perplexity() > 1.5, "perplexity " + p.perplexity());
            }
        }
    }

    @Test
    void aSampleTheModelCannotTakeIsSkippedWithItsReasonNotFatal() {
        try (TinyVlm model = AnalysisFixtures.model(3)) {
            List<DataSample> samples = new ArrayList<>(TrainingSets.procedural(Grid.parse("2x2"), 7, org.tessera.engine.jigsaw.PromptWording.WORLD).answerOnly(2));
            TrainingExample ok = samples.get(0).example();
            samples.add(1, new DataSample("answer-only", -1, true,
                    new TrainingExample(ok.prompt(), "<answer>" + "1 2 3 4 ".repeat(100) + "</answer>")));
            PerplexityAnalysis.Scored result = PerplexityAnalysis.score(model, samples);
            assertEquals(2, result.scored().size());
            assertEquals(1, result.skipped().size());
            assertTrue(result.skipped().get(0).contains("max_text_positions"), result.skipped().get(0));
            assertEquals(List.of(samples.get(0), samples.get(2)), result.kept());
        }
    }

    @Test
    void summariesGroupByKindAndStep() {
        List<PerplexityAnalysis.SamplePerplexity> scored = List.of(
                sample("rollouts", 1, true, 2.0), sample("rollouts", 1, false, 4.0),
                sample("rollouts", 5, false, 8.0), sample("answer-only", -1, true, 100.0));
        List<PerplexityAnalysis.KindSummary> kinds = PerplexityAnalysis.byKind(scored);
        assertEquals(List.of("rollouts", "answer-only"), kinds.stream().map(PerplexityAnalysis.KindSummary::kind).toList());
        assertEquals(3, kinds.get(0).n());
        assertEquals(14.0 / 3, kinds.get(0).perplexity().mean(), 1e-12);
        List<PerplexityAnalysis.StepSummary> steps = PerplexityAnalysis.byStep(scored);
        assertEquals(2, steps.size());
        assertEquals(1, steps.get(0).step());
        assertEquals(3.0, steps.get(0).medianPerplexity(), 1e-12);
        assertEquals(1, steps.get(0).nExact());
        assertEquals(2.0, steps.get(0).medianExactPerplexity(), 1e-12);
        assertTrue(Double.isNaN(steps.get(1).medianExactPerplexity()), "no exact rollout at step 5");
    }

    @Test
    void distributionQuantilesAndHistogramMatchHandValues() {
        Distribution d = Distribution.of(new double[] {5, 1, 4, 2, 3, Double.POSITIVE_INFINITY}, 4);
        assertEquals(5, d.n());
        assertEquals(1, d.nonFinite());
        assertEquals(3.0, d.mean(), 1e-12);
        assertEquals(Math.sqrt(2.5), d.std(), 1e-12);
        assertEquals(1.2, d.p05(), 1e-12);
        assertEquals(2.0, d.p25(), 1e-12);
        assertEquals(3.0, d.median(), 1e-12);
        assertEquals(4.8, d.p95(), 1e-12);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, d.binEdges(), 1e-12);
        assertArrayEquals(new int[] {1, 1, 1, 2}, d.binCounts());
    }

    private static PerplexityAnalysis.SamplePerplexity sample(String kind, long step, boolean exact, double ppl) {
        return new PerplexityAnalysis.SamplePerplexity(kind, step, exact, new double[] {Math.log(ppl)}, Math.log(ppl),
                ppl);
    }
}
