package org.tessera.engine.model;

import java.nio.file.Path;
import java.util.List;

/**
 * A vision-language model as the trainers, evaluators, CLI and workbench see it. Implementations: the built-in tiny
 * transformer ({@code TinyVlm}); the interface keeps tiny-model assumptions out so that a Hugging Face-architecture
 * MLLM loaded from a local folder can implement it too.
 *
 * <p>Not thread-safe: one model is used by one thread at a time (a run's worker, or the workbench's model service).
 */
public interface VisionLanguageModel extends AutoCloseable {

    ModelCard card();

    TextTokenizer tokenizer();

    /** Samples {@code options.samplesPerPrompt()} completions for each prompt; result i holds prompt i's samples. */
    List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options);

    /** Teacher-forced log-likelihood of each completion given its prompt (EOS appended and scored). */
    List<CompletionScore> score(List<Prompt> prompts, List<String> completions);

    /**
     * Log-likelihood of several completions that share a prefix, per prompt: element i holds, for each
     * continuation {@code c} of {@code continuations.get(i)}, log p(prefixes.get(i) + c + EOS | prompt i), the same
     * number {@link #score} sums for that completion. What likelihood-ranked multiple choice needs; models may
     * share the prefix's work between the candidates (the built-in model runs it once, with a KV cache). This
     * default scores each full completion.
     */
    default List<double[]> scoreContinuations(List<Prompt> prompts, List<String> prefixes,
                                              List<List<String>> continuations) {
        List<Prompt> ps = new java.util.ArrayList<>();
        List<String> full = new java.util.ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            for (String c : continuations.get(i)) {
                ps.add(prompts.get(i));
                full.add(prefixes.get(i) + c);
            }
        }
        List<CompletionScore> scores = score(ps, full);
        List<double[]> out = new java.util.ArrayList<>();
        int k = 0;
        for (int i = 0; i < prompts.size(); i++) {
            double[] v = new double[continuations.get(i).size()];
            for (int c = 0; c < v.length; c++, k++) {
                v[c] = scores.get(k).sumLogProb();
            }
            out.add(v);
        }
        return out;
    }

    /**
     * How this model answers public benchmark questions: in answer tags or plain text, and the frame its box
     * coordinates refer to. Default: plain text, absolute pixels of the original image.
     */
    default AnswerConvention answerConvention() {
        return AnswerConvention.plainOriginalPixels();
    }

    /**
     * The most text tokens (prompt, completion and the model's own markers) one sequence may hold, so callers can
     * leave out inputs that cannot fit instead of failing a whole batch. Default: no limit.
     */
    default int maxTextTokens() {
        return Integer.MAX_VALUE;
    }

    /** Writes config.json, tokenizer.json and model.safetensors into {@code dir} (created if needed). */
    void save(Path dir);

    /** An independent copy of the current weights, frozen (no gradients): the reference model for KL terms. */
    VisionLanguageModel frozenCopy();

    @Override
    void close();
}
