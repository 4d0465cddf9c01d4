package org.tessera.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.world.SuiteResult;

/** A {@link ModelService} whose loads are answered by a function: a fixed card, an exception, or a gate. */
public final class FakeModelService implements ModelService {
    private final Function<Path, ModelCard> answer;
    public final List<Path> loaded = new CopyOnWriteArrayList<>();
    public final List<String> loadThreads = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    /** Answers generate calls: (prompt, options) -> completions; null = no model loaded. */
    public volatile java.util.function.BiFunction<Prompt, GenerationOptions, List<String>> completions;
    public final List<Prompt> prompts = new CopyOnWriteArrayList<>();
    /** Answers measureKnowledge: (items per family, monitor) -> scores; null = this fake cannot measure. */
    public volatile java.util.function.BiFunction<Integer, JobMonitor, SuiteResult> knowledge;

    public FakeModelService(Function<Path, ModelCard> answer) {
        this.answer = answer;
    }

    public static FakeModelService returning(ModelCard card) {
        return new FakeModelService(dir -> card);
    }

    public static FakeModelService failingWith(RuntimeException error) {
        return new FakeModelService(dir -> {
            throw error;
        });
    }

    @Override
    public ModelCard load(Path directory) {
        loaded.add(directory);
        loadThreads.add(Thread.currentThread().getName());
        return answer.apply(directory);
    }

    @Override
    public org.tessera.engine.jigsaw.PromptWording promptWording() {
        return org.tessera.engine.jigsaw.PromptWording.WORLD; // the fakes stand in for the built-in model
    }

    @Override
    public List<Generation> generate(Prompt prompt, GenerationOptions options) {
        if (completions == null) {
            throw new IllegalStateException("no model is loaded");
        }
        prompts.add(prompt);
        return completions.apply(prompt, options).stream()
                .map(text -> new Generation(text, new int[0], -1.5, true)).toList();
    }

    @Override
    public SuiteResult measureKnowledge(int nPerFamily, long seed, JobMonitor monitor) {
        return knowledge == null ? ModelService.super.measureKnowledge(nPerFamily, seed, monitor)
                : knowledge.apply(nPerFamily, monitor);
    }

    @Override
    public void close() {
        closed = true;
    }
}
