package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.train.AdamW;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batching, the KV cache, scoring and saving agree with each other on the fp32 fixture (3-D positions). */
class QwenModelBehaviourTest {
    static QwenVl model;
    static BufferedImage image;
    static BufferedImage wide;

    @BeforeAll
    static void load() throws Exception {
        model = QwenVl.load(QwenFixtures.fp32(), false);
        image = QwenFixtures.image(QwenFixtures.fp32());
        wide = new BufferedImage(112, 56, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 56; y++) {
            for (int x = 0; x < 112; x++) {
                wide.setRGB(x, y, (x * 7 + y * 13) * 0x010203);
            }
        }
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static float[] lastRow(float[] logits, int row, int cols, int vocab) {
        float[] out = new float[vocab];
        System.arraycopy(logits, ((row + 1) * cols - 1) * vocab, out, 0, vocab);
        return out;
    }

    @Test
    void leftPaddedBatchGivesEachRowsOwnLogits() {
        QwenSequence a = model.encode(Prompt.of(image, "which tile is first?"));
        QwenSequence b = model.encode(Prompt.of(wide, "tiles"));
        int v = model.config().vocabSize();
        float[] both = model.logits(List.of(a, b));
        int cols = Math.max(a.length(), b.length());
        float[] aloneA = model.logits(List.of(a));
        float[] aloneB = model.logits(List.of(b));
        assertTrue(QwenFixtures.maxAbsDiff(lastRow(aloneA, 0, a.length(), v), lastRow(both, 0, cols, v)) < 1e-4);
        assertTrue(QwenFixtures.maxAbsDiff(lastRow(aloneB, 0, b.length(), v), lastRow(both, 1, cols, v)) < 1e-4);
    }

    @Test
    void greedyGenerationWithCacheMatchesScoringItsTokens() {
        List<Prompt> prompts = List.of(Prompt.of(image, "which tile is first?"), Prompt.of(wide, "tiles"));
        List<List<Generation>> g = model.generate(prompts, GenerationOptions.greedy(6));
        // each greedy token is the argmax of a full forward pass over prompt + earlier tokens
        for (int p = 0; p < 2; p++) {
            Generation gen = g.get(p).get(0);
            QwenSequence s = model.encode(prompts.get(p));
            int[] toks = gen.tokens();
            for (int i = 0; i < toks.length; i++) {
                int[] prefix = java.util.Arrays.copyOf(toks, i);
                float[] lg = model.logits(List.of(s.withCompletion(prefix)));
                int v = model.config().vocabSize();
                float[] last = lastRow(lg, 0, s.length() + i, v);
                int arg = 0;
                for (int k = 1; k < v; k++) {
                    if (last[k] > last[arg]) {
                        arg = k;
                    }
                }
                assertEquals(arg, toks[i], "token " + i + " of prompt " + p);
            }
            // and the generation's log-probability is what scoring the same tokens gives
            List<CompletionScore> sc = model.score(List.of(prompts.get(p)), List.of(gen.text()));
            if (gen.stoppedAtEos()) {
                assertEquals(gen.logProb(), sc.get(0).sumLogProb(), 1e-3);
            }
        }
    }

    @Test
    void samplingGivesNSamplesPerPromptReproducibly() {
        List<Prompt> prompts = List.of(Prompt.of(image, "a"), Prompt.of(wide, "b"), Prompt.of(image, "c"));
        GenerationOptions o = GenerationOptions.sampling(5, 1.0f, 4, 11);
        List<List<Generation>> first = model.generate(prompts, o);
        List<List<Generation>> again = model.generate(prompts, o);
        assertEquals(3, first.size());
        for (int p = 0; p < 3; p++) {
            assertEquals(4, first.get(p).size());
            for (int k = 0; k < 4; k++) {
                assertArrayEquals(first.get(p).get(k).tokens(), again.get(p).get(k).tokens());
            }
        }
    }

    @Test
    void savedFolderReloadsToTheSameLogitsAfterATrainingStep(@TempDir Path tmp) {
        QwenVl policy = model.trainableCopy();
        try (policy) {
            Map<String, NDArray> params = policy.parameters();
            try (AdamW adam = AdamW.standard(params, 0.0f)) {
                try (NDManager m = policy.manager().newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    TokenLogProbs lp = policy.completionLogProbs(m, List.of(Prompt.of(image, "x")),
                            List.of(policy.encodeCompletion("<answer>1 2 3 4</answer>")), false);
                    gc.backward(lp.logProbs().mul(lp.mask()).sum().neg());
                }
                adam.step(1e-2f, 1f);
            }
            QwenSequence s = policy.encode(Prompt.of(image, "where?"));
            float[] before = policy.logits(List.of(s));
            assertTrue(QwenFixtures.maxAbsDiff(before, model.logits(List.of(s))) > 1e-4, "the step changed the model");
            policy.save(tmp.resolve("ck"));
            try (QwenVl back = QwenVl.load(tmp.resolve("ck"), true); QwenVl frozen = policy.frozenCopy()) {
                assertEquals(0.0, QwenFixtures.maxAbsDiff(before, back.logits(List.of(s))));
                assertEquals(0.0, QwenFixtures.maxAbsDiff(before, frozen.logits(List.of(s))));
            }
            policy.loadWeights(model.weightsSnapshot());
            assertEquals(0.0, QwenFixtures.maxAbsDiff(policy.logits(List.of(s)), model.logits(List.of(s))));
        }
    }

    @Test
    void continuationsScoreLikeFullCompletions() {
        List<Prompt> p = List.of(Prompt.of(image, "which?"));
        List<double[]> c = model.scoreContinuations(p, List.of("<answer>"), List.of(List.of("1", "2 1")));
        List<CompletionScore> full = model.score(List.of(p.get(0), p.get(0)), List.of("<answer>1", "<answer>2 1"));
        assertEquals(full.get(0).sumLogProb(), c.get(0)[0], 1e-4);
        assertEquals(full.get(1).sumLogProb(), c.get(0)[1], 1e-4);
    }
}
