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

    /** Writes config.json, tokenizer.json and model.safetensors into {@code dir} (created if needed). */
    void save(Path dir);

    /** An independent copy of the current weights, frozen (no gradients): the reference model for KL terms. */
    VisionLanguageModel frozenCopy();

    @Override
    void close();
}
