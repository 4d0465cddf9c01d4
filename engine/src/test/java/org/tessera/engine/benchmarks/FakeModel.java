package org.tessera.engine.benchmarks;

import org.tessera.engine.model.AnswerConvention;
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

/** A model whose generations and completion log-probabilities are scripted, with a chosen answer convention. */
final class FakeModel implements VisionLanguageModel {
    private final Function<Prompt, String> generator;
    private final BiFunction<Prompt, String, Double> logProb;
    private final AnswerConvention convention;
    /** The text limit {@link #maxTextTokens} reports (this tokenizer: one token per character). */
    int limit = Integer.MAX_VALUE;

    FakeModel(Function<Prompt, String> generator, BiFunction<Prompt, String, Double> logProb,
              AnswerConvention convention) {
        this.generator = generator;
        this.logProb = logProb;
        this.convention = convention;
    }

    @Override
    public AnswerConvention answerConvention() {
        return convention;
    }

    @Override
    public int maxTextTokens() {
        return limit;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("fake", "test", 0, 0, "cpu()", null, Map.of(), Map.of());
    }

    @Override
    public TextTokenizer tokenizer() {
        return new TextTokenizer() {
            @Override
            public int[] encode(String text) {
                return new int[text.length()];
            }

            @Override
            public String decode(int[] ids) {
                return "";
            }

            @Override
            public int vocabSize() {
                return 1;
            }

            @Override
            public int bosId() {
                return 0;
            }

            @Override
            public int eosId() {
                return 0;
            }

            @Override
            public int padId() {
                return 0;
            }

            @Override
            public String tokenText(int id) {
                return "";
            }
        };
    }

    @Override
    public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options) {
        List<List<Generation>> out = new ArrayList<>();
        for (Prompt p : prompts) {
            out.add(List.of(new Generation(generator.apply(p), new int[0], 0, true)));
        }
        return out;
    }

    /** One token per completion, so the mean NLL is minus the scripted log-probability. */
    @Override
    public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
        List<CompletionScore> out = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            out.add(new CompletionScore(new double[] {logProb.apply(prompts.get(i), completions.get(i))}));
        }
        return out;
    }

    @Override
    public void save(Path dir) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VisionLanguageModel frozenCopy() {
        return this;
    }

    @Override
    public void close() {
    }
}
