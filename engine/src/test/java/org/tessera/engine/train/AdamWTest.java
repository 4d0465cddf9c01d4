package org.tessera.engine.train;

import org.junit.jupiter.api.Test;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.tiny.TinyVlm;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The flat-buffer AdamW must compute exactly what the per-tensor reference computes, bit for bit. */
class AdamWTest {
    private static final List<Prompt> PROMPTS = List.of(Prompt.text("is it red"), Prompt.text("is it blue"));
    // steps 0-1 unclipped, 2-4 clipped (max norm 0.05), with weight decay on: every branch of the update
    private static final float[] MAX_NORMS = {0f, 10f, 0.05f, 0.05f, 0.05f};

    private record Trained(Map<String, HostTensor> weights, Map<String, HostTensor> state, double[] norms) {
    }

    private static Trained train(Function<TinyVlm, AdamWOptimizer> optimizer) {
        try (TinyVlm model = SftStepTest.newModel(); AdamWOptimizer opt = optimizer.apply(model)) {
            List<int[]> targets = List.of(model.encodeCompletion("<answer>yes</answer>"),
                    model.encodeCompletion("<answer>no</answer>"));
            SftStep step = new SftStep(model, opt);
            double[] norms = new double[MAX_NORMS.length];
            for (int i = 0; i < MAX_NORMS.length; i++) {
                norms[i] = step.run(i, PROMPTS, targets, 3e-3f, MAX_NORMS[i]).gradNorm();
            }
            return new Trained(model.weightsSnapshot(), opt.stateSnapshot(), norms);
        }
    }

    private static void assertBitIdentical(Trained expected, Trained actual) {
        assertArrayEquals(expected.norms(), actual.norms(), 0.0, "gradient norms");
        assertEquals(expected.weights().keySet(), actual.weights().keySet());
        expected.weights().forEach((k, t) -> assertArrayEquals(t.data(), actual.weights().get(k).data(), 0f, k));
        assertEquals(expected.state().keySet(), actual.state().keySet());
        expected.state().forEach((k, t) -> {
            assertArrayEquals(t.shape(), actual.state().get(k).shape(), k);
            assertArrayEquals(t.data(), actual.state().get(k).data(), 0f, k);
        });
    }

    @Test
    void flatBuffersGiveTheReferenceWeightsAndMomentsBitForBit() {
        Trained reference = train(m -> new PerTensorAdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f));
        Trained flat = train(m -> new AdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f));
        assertTrue(reference.norms()[2] > MAX_NORMS[2], "the clipped steps must really clip");
        assertBitIdentical(reference, flat);
    }

    @Test
    void theUpdateInJavaAndTheUpdateInDjlOpsAgreeBitForBit() {
        Trained host = train(m -> new AdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f, 1L << 22, true));
        Trained ops = train(m -> new AdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f, 1L << 22, false));
        Trained reference = train(m -> new PerTensorAdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f));
        assertBitIdentical(reference, ops);
        assertBitIdentical(reference, host);
    }

    @Test
    void manySmallBucketsGiveTheSameNumbersAsOne() {
        Trained one = train(m -> new AdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f));
        // 700 values per bucket: most tensors share a bucket with neighbours, the largest get one of their own
        Trained many = train(m -> new AdamW(m.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f, 700, true));
        assertBitIdentical(one, many);
    }

    @Test
    void stateSavedByTheReferenceResumesInTheFlatOptimizer() {
        try (TinyVlm model = SftStepTest.newModel();
             PerTensorAdamW ref = new PerTensorAdamW(model.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f);
             AdamW flat = new AdamW(model.parameters(), 0.9f, 0.999f, 1e-8f, 0.1f, 700, true)) {
            List<int[]> targets = List.of(model.encodeCompletion("<answer>yes</answer>"),
                    model.encodeCompletion("<answer>no</answer>"));
            new SftStep(model, ref).run(0, PROMPTS, targets, 3e-3f, 1f);
            new SftStep(model, ref).run(1, PROMPTS, targets, 3e-3f, 1f);
            flat.restore(ref.stateSnapshot(), ref.steps());
            assertEquals(2, flat.steps());
            Map<String, HostTensor> a = ref.stateSnapshot();
            Map<String, HostTensor> b = flat.stateSnapshot();
            assertEquals(a.keySet(), b.keySet());
            a.forEach((k, t) -> assertArrayEquals(t.data(), b.get(k).data(), 0f, k));
        }
    }
}
