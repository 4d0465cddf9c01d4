package org.tessera.app.model;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.tessera.engine.model.ModelCard;

/** A {@link ModelService} whose loads are answered by a function: a fixed card, an exception, or a gate. */
public final class FakeModelService implements ModelService {
    private final Function<Path, ModelCard> answer;
    public final List<Path> loaded = new CopyOnWriteArrayList<>();
    public final List<String> loadThreads = new CopyOnWriteArrayList<>();
    public volatile boolean closed;

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
    public void close() {
        closed = true;
    }
}
