package org.tessera.engine.model.tiny;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TrainableModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TinyVlmTest {
    static TinyVlm model;

    @BeforeAll
    static void init() {
        model = TestModels.model(7);
    }

    @AfterAll
    static void done() {
        model.close();
    }

    @Test
    void kvCacheGenerationMatchesFullForwardPass() {
        List<Prompt> prompts = TestModels.prompts();
        GenerationOptions opts = GenerationOptions.sampling(12, 1.0f, 2, 99);
        List<float[]> cached = new ArrayList<>();
        List<float[]> full = new ArrayList<>();
        List<List<Generation>> a = model.generate(prompts, opts, cached::add);
        List<List<Generation>> b = model.generate(prompts, opts.withKvCache(false), full::add);
        assertEquals(cached.size(), full.size(), "same number of decoding steps");
        double maxDiff = 0;
        for (int s = 0; s < cached.size(); s++) {
            float[] x = cached.get(s);
            float[] y = full.get(s);
            for (int i = 0; i < x.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(x[i] - y[i]));
            }
        }
        assertTrue(maxDiff <= 1e-4, "max abs logit diff " + maxDiff);
        for (int i = 0; i < prompts.size(); i++) {
            for (int j = 0; j < 2; j++) {
                assertArrayEquals(a.get(i).get(j).tokens(), b.get(i).get(j).tokens());
            }
        }
    }

    @Test
    void cachedStepLogitsEqualTeacherForcedLogits() {
        // Greedy generation, then a teacher-forced pass over prompt + generated tokens must give the same logits
        // at every generated position.
        List<Prompt> prompts = List.of(TestModels.prompts().get(0));
        List<float[]> steps = new ArrayList<>();
        Generation g = model.generate(prompts, GenerationOptions.greedy(10), steps::add).get(0).get(0);
        int promptLen = model.encoder().promptTokens(prompts.get(0)).length;
        float[] full = model.fullLogits(prompts, List.of(g.tokens()));
        int vocab = model.config().vocabSize();
        double maxDiff = 0;
        for (int s = 0; s < steps.size(); s++) {
            int col = promptLen - 1 + s;
            for (int v = 0; v < vocab; v++) {
                maxDiff = Math.max(maxDiff, Math.abs(steps.get(s)[v] - full[col * vocab + v]));
            }
        }
        assertTrue(maxDiff <= 1e-4, "max abs logit diff " + maxDiff);
    }

    @Test
    void generationIsDeterministicForASeedAndIndependentOfBatching() {
        List<Prompt> prompts = TestModels.prompts();
        GenerationOptions opts = GenerationOptions.sampling(8, 1.0f, 3, 5);
        List<List<Generation>> all = model.generate(prompts, opts);
        List<List<Generation>> again = model.generate(prompts, opts);
        for (int i = 0; i < prompts.size(); i++) {
            for (int j = 0; j < 3; j++) {
                assertArrayEquals(all.get(i).get(j).tokens(), again.get(i).get(j).tokens());
            }
        }
    }

    @Test
    void sampleLogProbEqualsTeacherForcedScore() {
        List<Prompt> prompts = TestModels.prompts();
        List<List<Generation>> gens = model.generate(prompts, GenerationOptions.sampling(10, 1.0f, 1, 3));
        List<String> texts = new ArrayList<>();
        for (List<Generation> g : gens) {
            texts.add(g.get(0).text());
        }
        List<CompletionScore> scores = model.score(prompts, texts);
        for (int i = 0; i < prompts.size(); i++) {
            Generation g = gens.get(i).get(0);
            if (g.stoppedAtEos() && model.tokenizer().decode(model.tokenizer().encode(g.text())).equals(g.text())
                    && java.util.Arrays.equals(model.tokenizer().encode(g.text()), g.tokens())) {
                assertEquals(g.logProb(), scores.get(i).sumLogProb(), 1e-3, "prompt " + i);
            }
        }
    }

    @Test
    void sharedPrefixContinuationScoresEqualFullSequenceScores() {
        List<Prompt> prompts = TestModels.prompts();
        List<String> prefixes = List.of("<think>i see the red circle .</think><answer>", "<answer>", "<answer>", "");
        List<List<String>> conts = List.of(List.of("3</answer>", "7</answer>", "cell 2</answer>"),
                List.of("yes</answer>", "no</answer>"), List.of("red</answer>"), List.of("i see", "no", "x y z"));
        List<double[]> cached = model.scoreContinuations(prompts, prefixes, conts);
        // the interface's default: score every full completion
        org.tessera.engine.model.VisionLanguageModel plain = new org.tessera.engine.model.VisionLanguageModel() {
            public org.tessera.engine.model.ModelCard card() { return model.card(); }
            public org.tessera.engine.model.TextTokenizer tokenizer() { return model.tokenizer(); }
            public List<List<Generation>> generate(List<Prompt> p, GenerationOptions o) { return model.generate(p, o); }
            public List<CompletionScore> score(List<Prompt> p, List<String> c) { return model.score(p, c); }
            public void save(Path dir) { }
            public org.tessera.engine.model.VisionLanguageModel frozenCopy() { return this; }
            public void close() { }
        };
        List<double[]> full = plain.scoreContinuations(prompts, prefixes, conts);
        for (int i = 0; i < prompts.size(); i++) {
            assertArrayEquals(full.get(i), cached.get(i), 1e-4, "prompt " + i);
        }
    }

    @Test
    void saveLoadRoundTripGivesIdenticalLogits(@TempDir Path dir) {
        model.save(dir);
        List<Prompt> prompts = TestModels.prompts();
        List<int[]> completions = List.of(new int[] {5, 6}, new int[] {7}, new int[] {8, 9, 10}, new int[] {11});
        float[] before = model.fullLogits(prompts, completions);
        try (TrainableModel loaded = ModelLoader.load(dir)) {
            float[] after = ((TinyVlm) loaded).fullLogits(prompts, completions);
            assertArrayEquals(before, after);
            assertEquals(model.card().parameterCount(), loaded.card().parameterCount());
        }
    }

    @Test
    void visionMlpChangesWhatImagesSayButNotTheOtherTensors(@TempDir Path dir) throws Exception {
        TinyTokenizer tok = TestModels.tokenizer();
        TinyVlmConfig with = TestModels.smallConfig(tok.vocabSize());
        TinyVlmConfig without = new TinyVlmConfig(with.architecture(), with.name(), with.vocabSize(),
                with.hiddenSize(), with.numLayers(), with.numHeads(), with.intermediateSize(),
                with.maxTextPositions(), with.imageSize(), with.patchSize(), with.maxImages(), with.layerNormEps(),
                with.initializerRange());
        var a = TinyVlmWeights.randomInit(with, 3);
        var b = TinyVlmWeights.randomInit(without, 3);
        assertEquals(6, a.size() - b.size());
        b.forEach((name, t) -> assertArrayEquals(t.data(), a.get(name).data(), 0, name));
        List<Prompt> prompts = TestModels.prompts();
        List<String> completions = List.of("yes", "no", "red", "i see");
        try (TinyVlm m1 = TinyVlm.create(with, tok, 3); TinyVlm m0 = TinyVlm.create(without, tok, 3)) {
            assertTrue(m1.card().parameterCount() > m0.card().parameterCount());
            // an image prompt scores differently; the text-only prompt does not see the vision MLP at all
            assertTrue(m1.score(prompts, completions).get(0).sumLogProb() != m0.score(prompts, completions).get(0).sumLogProb());
            assertEquals(m0.score(prompts, completions).get(1).sumLogProb(), m1.score(prompts, completions).get(1).sumLogProb(),
                    1e-5);
            // a checkpoint written before the vision MLP existed has no "vision_mlp" in config.json: it loads without one
            m0.save(dir);
            Path config = dir.resolve("config.json");
            String json = Files.readString(config);
            assertTrue(json.contains("\"vision_mlp\" : false"), json);
            Files.writeString(config, json.replaceAll(",\\s*\"vision_mlp\" : false", ""));
            try (TrainableModel loaded = ModelLoader.load(dir)) {
                assertEquals(m0.card().parameterCount(), loaded.card().parameterCount());
            }
        }
    }

    @Test
    void frozenCopyHasSameOutputs() {
        List<Prompt> prompts = TestModels.prompts();
        List<String> completions = List.of("yes", "no", "red", "i see");
        try (TinyVlm copy = model.frozenCopy()) {
            List<CompletionScore> a = model.score(prompts, completions);
            List<CompletionScore> b = copy.score(prompts, completions);
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(a.get(i).tokenLogProbs(), b.get(i).tokenLogProbs(), 0);
            }
        }
    }
}
