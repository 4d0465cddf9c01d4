package org.tessera.app.session;

import java.nio.file.Path;
import java.util.List;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.benchmarks.BenchmarkSuite;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.world.SuiteResult;

/**
 * What the workbench needs from the engine's model layer. Views code against this, not the engine, so that UI
 * tests inject a fake and need no checkpoint or native library.
 */
public interface ModelService extends AutoCloseable {

    /**
     * Loads the checkpoint folder, makes it the workbench's current model (closing the previous one) and returns its
     * card. Blocking and slow (reads weights, may start the native engine): never call it on the UI thread.
     *
     * @throws org.tessera.engine.model.ModelLoadException when the folder cannot be loaded; its message names the
     *         file and the problem
     */
    ModelCard load(Path directory);

    /**
     * Generates {@code options.samplesPerPrompt()} completions for one prompt with the current model. Blocking and
     * slow: call it from the task executor's single worker, which also serialises it with loads (the model is not
     * thread-safe).
     *
     * @throws IllegalStateException when no model is loaded
     */
    List<Generation> generate(Prompt prompt, GenerationOptions options);

    /**
     * How jigsaw prompts are worded for the current model ({@link PromptWording#of} its tokenizer); the built-in
     * model's wording while none is loaded. Cheap and thread-safe: views call it on the UI thread.
     */
    PromptWording promptWording();

    /**
     * Runs the engine's retained-knowledge suite ({@code KnowledgeSuite}) on the current model: {@code nPerFamily}
     * held-out items per family. Blocking and slow, like {@link #generate}: call it from the task executor. It reports
     * to {@code monitor} after every batch and stops between batches when the monitor cancels.
     *
     * @throws IllegalStateException when no model is loaded
     * @throws java.util.concurrent.CancellationException when the monitor cancelled
     * @throws UnsupportedOperationException when this service cannot run the suite (test fakes)
     */
    default SuiteResult measureKnowledge(int nPerFamily, long seed, JobMonitor monitor) {
        throw new UnsupportedOperationException("this model service cannot measure retained knowledge");
    }

    /**
     * Runs the engine's benchmark suite ({@code BenchmarkSuite}) on the current model: {@code nPerBenchmark} rows of
     * each benchmark file in {@code folder} (docs/benchmarks.md), with the rows it skipped. Blocking and slow;
     * reports to {@code monitor} and stops between batches when it cancels, like {@link #measureKnowledge}.
     *
     * @throws IllegalStateException when no model is loaded
     * @throws IllegalArgumentException when the folder cannot be used (missing, no benchmark files, or every row
     *                                  skipped: {@code BenchmarkSuite.NothingToScoreException})
     * @throws java.util.concurrent.CancellationException when the monitor cancelled
     * @throws UnsupportedOperationException when this service cannot run the suite (test fakes)
     */
    default BenchmarkSuite.Measurement measureBenchmarks(Path folder, int nPerBenchmark, long seed,
                                                         JobMonitor monitor) {
        throw new UnsupportedOperationException("this model service cannot measure benchmarks");
    }

    /**
     * The words of {@code text} the loaded model has no token for (a word-level tokenizer spells them letter by
     * letter, so the model is guessing); empty when every word is known or the model's tokenizer has no such notion
     * (sub-word tokenizers such as Qwen's).
     */
    default List<String> unknownWords(String text) {
        return List.of();
    }

    /** Releases the current model's native memory. */
    @Override
    void close();
}
