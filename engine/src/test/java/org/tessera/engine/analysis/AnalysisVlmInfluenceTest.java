package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.KnowledgeSuite;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Influence on a real (tiny, random) vision-language model with image prompts. */
class AnalysisVlmInfluenceTest {

    @Test
    void firstOrderAndMeasuredChangeAgreeForASmallStep() {
        try (TinyVlm model = AnalysisFixtures.model(11)) {
            List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(6, KnowledgeSuite.DEFAULT_SEED);
            List<DataSample> train = TrainingSets.procedural(Grid.parse("2x2"), 3, org.tessera.engine.jigsaw.PromptWording.WORLD).answerOnly(2);
            try (InfluenceProbe<TrainingExample> probe = new InfluenceProbe<>(new VlmLogProbModel(model), probes)) {
                double[] before = probe.logProbs(probes);
                assertArrayEquals(probe.probeLogProbs(), before, 1e-4, "log p from the backward pass and inference");
                for (DataSample u : train) {
                    InfluenceMeasurement m = probe.measure(u.example(), 1e-4, true);
                    double total = 0;
                    double totalActual = 0;
                    for (int i = 0; i < probes.size(); i++) {
                        double f = m.firstOrder()[i];
                        double a = m.actual()[i];
                        assertEquals(Math.signum(f), Math.signum(a), "probe " + i + ": first order " + f + ", actual " + a);
                        assertEquals(f, a, 0.05 * Math.abs(a) + 1e-4, "probe " + i);
                        total += f;
                        totalActual += a;
                    }
                    assertTrue(Math.abs(totalActual) > 1e-3, "the step moves the probes measurably: " + totalActual);
                    assertEquals(totalActual, total, 0.05 * Math.abs(totalActual));
                    // the measurement put the weights back exactly
                    assertArrayEquals(before, probe.logProbs(probes), 0.0);
                    // a ten times bigger step leaves a much bigger (second-order) gap
                    InfluenceMeasurement big = probe.measure(u.example(), 1e-3, true);
                    assertTrue(gap(big) > 5 * gap(m), "gap " + gap(big) + " at 1e-3 vs " + gap(m) + " at 1e-4");
                }
            }
        }
    }

    @Test
    void perExampleGradientsDoNotAccumulateAcrossSamples() {
        try (TinyVlm model = AnalysisFixtures.model(11)) {
            List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(3, KnowledgeSuite.DEFAULT_SEED);
            List<DataSample> train = TrainingSets.procedural(Grid.parse("2x2"), 3, org.tessera.engine.jigsaw.PromptWording.WORLD).answerOnly(2);
            try (InfluenceProbe<TrainingExample> probe = new InfluenceProbe<>(new VlmLogProbModel(model), probes)) {
                InfluenceMeasurement first = probe.measure(train.get(0).example(), 1e-3, false);
                probe.measure(train.get(1).example(), 1e-3, false);
                InfluenceMeasurement again = probe.measure(train.get(0).example(), 1e-3, false);
                assertArrayEquals(first.firstOrder(), again.firstOrder(), 1e-6 * maxAbs(first.firstOrder()));
                assertEquals(first.gradNorm(), again.gradNorm(), 1e-5 * first.gradNorm());
            }
        }
    }

    @Test
    void probesSpreadOverTheKnowledgeFamilies() {
        List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(12, KnowledgeSuite.DEFAULT_SEED);
        assertEquals(12, probes.size());
        assertTrue(probes.stream().anyMatch(p -> p.prompt().images().isEmpty()), "text-only knowledge included");
        assertTrue(probes.stream().anyMatch(p -> !p.prompt().images().isEmpty()), "image knowledge included");
    }

    /** Largest |measured - first order| over the probes. */
    private static double gap(InfluenceMeasurement m) {
        double g = 0;
        for (int i = 0; i < m.actual().length; i++) {
            g = Math.max(g, Math.abs(m.actual()[i] - m.firstOrder()[i]));
        }
        return g;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }
}
