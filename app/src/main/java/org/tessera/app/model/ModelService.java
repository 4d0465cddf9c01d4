package org.tessera.app.model;

import java.nio.file.Path;
import org.tessera.engine.model.ModelCard;

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

    /** Releases the current model's native memory. */
    @Override
    void close();
}
