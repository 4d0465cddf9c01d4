package org.tessera.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.VisionLanguageModel;
import org.tessera.engine.world.KnowledgeSuite;
import org.tessera.engine.benchmarks.BenchmarkSuite;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.world.SuiteResult;

/**
 * The production {@link ModelService}: loads checkpoints with the engine and owns the loaded model until the next
 * load or {@link #close()}. Thread-safe, since loads run on worker threads while the window may close.
 */
public final class EngineModelService implements ModelService {
    private final Function<Path, VisionLanguageModel> loader;
    private VisionLanguageModel current;
    private boolean closed;

    /** @param loader opens a checkpoint folder; the workbench uses the engine's {@link ModelLoader} */
    public EngineModelService(Function<Path, VisionLanguageModel> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The service the workbench uses: the engine's own loader. */
    public static EngineModelService withEngineLoader() {
        return new EngineModelService(ModelLoader::load);
    }

    @Override
    public ModelCard load(Path directory) {
        VisionLanguageModel loaded = loader.apply(directory);
        ModelCard card;
        try {
            // Read before publishing: once published, a concurrent close() may free the model.
            card = loaded.card();
        } catch (RuntimeException e) {
            loaded.close();
            throw e;
        }
        VisionLanguageModel previous;
        synchronized (this) {
            if (closed) {
                // The window closed while this load ran: nobody will use the model, free it now.
                loaded.close();
                throw new IllegalStateException("the model service was closed while " + directory + " loaded");
            }
            previous = current;
            current = loaded;
        }
        if (previous != null) {
            previous.close();
        }
        return card;
    }

    @Override
    public List<Generation> generate(Prompt prompt, GenerationOptions options) {
        // Not under the lock: generation takes seconds and close() must not wait for it. Loads and generations
        // share the executor's single worker, so a model is never replaced while it generates.
        return currentModel().generate(List.of(prompt), options).get(0);
    }

    @Override
    public synchronized PromptWording promptWording() {
        return current == null ? PromptWording.WORLD : PromptWording.of(current);
    }

    @Override
    public SuiteResult measureKnowledge(int nPerFamily, long seed, JobMonitor monitor) {
        return new KnowledgeSuite().evaluate(currentModel(), nPerFamily, seed, monitor);
    }

    @Override
    public BenchmarkSuite.Measurement measureBenchmarks(Path folder, int nPerBenchmark, long seed,
                                                         JobMonitor monitor) {
        return new BenchmarkSuite().measure(currentModel(), folder, nPerBenchmark, seed, monitor);
    }

    @Override
    public List<String> unknownWords(String text) {
        org.tessera.engine.model.TextTokenizer tokenizer = currentModel().tokenizer();
        if (!tokenizer.closedVocabulary()) {
            return List.of(); // a sub-word tokenizer reads any word
        }
        java.util.LinkedHashSet<String> unknown = new java.util.LinkedHashSet<>();
        for (String word : text.split("[^\\p{L}]+")) {
            // A known word is one token, with or without the leading-space marker; an unknown one is spelled out.
            if (word.length() > 1 && tokenizer.encode(" " + word).length > 1 && tokenizer.encode(word).length > 1) {
                unknown.add(word);
            }
        }
        return List.copyOf(unknown);
    }

    private synchronized VisionLanguageModel currentModel() {
        if (current == null) {
            throw new IllegalStateException("no model is loaded: open a checkpoint folder in the Model view first");
        }
        return current;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
