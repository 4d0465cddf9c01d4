package org.tessera.engine.model.tiny;

import org.tessera.engine.model.ModelProvider;
import org.tessera.engine.model.TrainableModel;

import java.nio.file.Path;

/** Tessera's own tiny vision-language model ({@code "architecture": "tessera-tiny-vlm"} in config.json). */
public final class TinyVlmProvider implements ModelProvider {
    @Override
    public String architecture() {
        return TinyVlmConfig.ARCHITECTURE;
    }

    @Override
    public TrainableModel open(Path dir, boolean frozen) {
        return TinyVlm.load(dir, frozen);
    }
}
