package org.tessera.app.model;

import java.nio.file.Path;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.VisionLanguageModel;

/**
 * The single place where the workbench calls the engine's checkpoint loader
 * ({@code org.tessera.engine.model.ModelLoader}).
 */
final class EngineLoader {
    private EngineLoader() {
    }

    static VisionLanguageModel load(Path directory) {
        // The engine of this build has no checkpoint loader yet, so say exactly that instead of pretending.
        throw new ModelLoadException(directory, "this build of the engine cannot load checkpoints yet "
                + "(org.tessera.engine.model.ModelLoader is missing)");
    }
}
