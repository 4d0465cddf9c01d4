package org.tessera.app.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.VisionLanguageModel;

/**
 * The production {@link ModelService}: loads checkpoints with the engine and owns the loaded model until the next
 * load or {@link #close()}. Thread-safe, since loads run on worker threads while the window may close.
 */
public final class EngineModelService implements ModelService {
    private final Function<Path, VisionLanguageModel> loader;
    private VisionLanguageModel current;

    /** @param loader opens a checkpoint folder; the workbench passes {@link EngineLoader#load} */
    public EngineModelService(Function<Path, VisionLanguageModel> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The service the workbench uses: the engine's own loader. */
    public static EngineModelService withEngineLoader() {
        return new EngineModelService(EngineLoader::load);
    }

    @Override
    public ModelCard load(Path directory) {
        // Checked here too so that a mistyped --model gets a plain message, whatever the loader would say.
        if (!Files.isDirectory(directory)) {
            throw new ModelLoadException(directory, "no such model folder");
        }
        VisionLanguageModel loaded = loader.apply(directory);
        VisionLanguageModel previous;
        synchronized (this) {
            previous = current;
            current = loaded;
        }
        if (previous != null) {
            previous.close();
        }
        return loaded.card();
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
