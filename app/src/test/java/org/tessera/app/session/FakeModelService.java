package org.tessera.app.session;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;

/** A {@link ModelService} whose loads are answered by a function: a fixed card, an exception, or a gate. */
public final class FakeModelService implements ModelService {
    private final Function<Path, ModelCard> answer;
    public final List<Path> loaded = new CopyOnWriteArrayList<>();
    public final List<String> loadThreads = new CopyOnWriteArrayList<>();
    public volatile boolean closed;
    /** Answers generate calls: (prompt, options) -> completions; null = no model loaded. */
    public volatile java.util.function.BiFunction<Prompt, GenerationOptions, List<String>> completions;
    public final List<Prompt> prompts = new CopyOnWriteArrayList<>();

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
    public List<Generation> generate(Prompt prompt, GenerationOptions options) {
        if (completions == null) {
            throw new IllegalStateException("no model is loaded");
        }
        prompts.add(prompt);
        return completions.apply(prompt, options).stream()
                .map(text -> new Generation(text, new int[0], -1.5, true)).toList();
    }

    @Override
    public void close() {
        closed = true;
    }
}
