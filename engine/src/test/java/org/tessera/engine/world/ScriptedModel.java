package org.tessera.engine.world;

import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.VisionLanguageModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A fake model for suite tests: generation and scoring are scripted functions, and it counts the calls so tests can
 * check that the suite batches them.
 */
final class ScriptedModel implements VisionLanguageModel {
    private final Function<Prompt, Generation> generator;
    private final BiFunction<Prompt, String, double[]> scorer;
    final List<Integer> generateCallSizes = new ArrayList<>();
    final List<Integer> scoreCallSizes = new ArrayList<>();
    int lastMaxNewTokens;

    ScriptedModel(Function<Prompt, Generation> generator, BiFunction<Prompt, String, double[]> scorer) {
        this.generator = generator;
        this.scorer = scorer;
    }

    /** A generation that stopped at EOS with the given text. */
    static Generation stopped(String text) {
        return new Generation(text, new int[0], 0, true);
    }

    @Override
    public ModelCard card() {
        return new ModelCard("scripted", "test", 0, 0, "cpu()", null, Map.of(), Map.of());
    }

    @Override
    public TextTokenizer tokenizer() {
        return new WhitespaceTokenizer();
    }

    @Override
    public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options) {
        generateCallSizes.add(prompts.size());
        lastMaxNewTokens = options.maxNewTokens();
        List<List<Generation>> out = new ArrayList<>();
        for (Prompt p : prompts) {
            out.add(List.of(generator.apply(p)));
        }
        return out;
    }

    @Override
    public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
        scoreCallSizes.add(prompts.size());
        List<CompletionScore> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(new CompletionScore(scorer.apply(prompts.get(i), completions.get(i))));
        }
        return out;
    }

    @Override
    public void save(Path dir) {
        throw new UnsupportedOperationException("a scripted model has no weights");
    }

    @Override
    public VisionLanguageModel frozenCopy() {
        return this;
    }

    @Override
    public void close() {
    }

    /** Counts tokens roughly like the built-in tokenizer: tags, letter runs, digits and punctuation. */
    static final class WhitespaceTokenizer implements TextTokenizer {
        @Override
        public int[] encode(String text) {
            return new int[WorldTokens.count(text)];
        }

        @Override
        public String decode(int[] ids) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int vocabSize() {
            return 0;
        }

        @Override
        public int bosId() {
            return 0;
        }

        @Override
        public int eosId() {
            return 1;
        }

        @Override
        public int padId() {
            return 2;
        }

        @Override
        public String tokenText(int id) {
            return "";
        }
    }
}
