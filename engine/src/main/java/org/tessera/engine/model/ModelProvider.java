package org.tessera.engine.model;

import java.nio.file.Path;

/**
 * One model architecture Tessera can open, found at run time with {@link java.util.ServiceLoader} (each architecture
 * package registers its provider in {@code META-INF/services/org.tessera.engine.model.ModelProvider}), so that the
 * model package never names the architectures that build on it. Adding an architecture is a new package with a
 * provider and one line in that file.
 */
public interface ModelProvider {
    /** The id a checkpoint's {@code config.json} names: Tessera's {@code architecture}, or an entry of {@code architectures}. */
    String architecture();

    /** Opens a checkpoint folder of this architecture; {@code frozen}: without gradients. */
    TrainableModel open(Path dir, boolean frozen);

    /**
     * Whether this provider opens {@code dir} whatever its {@code config.json} says, e.g. a LoRA adapter folder
     * (adapters on a base folder that {@code adapter_config.json} names). Checked before the architecture lookup.
     */
    default boolean opensFolder(Path dir) {
        return false;
    }
}
