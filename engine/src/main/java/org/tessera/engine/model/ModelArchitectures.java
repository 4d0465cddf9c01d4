package org.tessera.engine.model;

import org.tessera.engine.model.qwen2_5_vl.QwenVl;
import org.tessera.engine.model.qwen2_5_vl.QwenVlConfig;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The architectures Tessera can open, by the id a folder's {@code config.json} names: the tiny model's
 * {@code architecture} field, or an entry of a Hugging Face config's {@code architectures} list. Adding an
 * architecture is one entry here, not a branch in the loader.
 */
public final class ModelArchitectures {
    /** Opens a checkpoint folder of one architecture; {@code frozen}: without gradients. */
    @FunctionalInterface
    public interface Opener {
        TrainableModel open(Path dir, boolean frozen);
    }

    private static final Map<String, Opener> OPENERS = new LinkedHashMap<>();

    static {
        OPENERS.put(TinyVlmConfig.ARCHITECTURE, TinyVlm::load);
        OPENERS.put(QwenVlConfig.ARCHITECTURE, QwenVl::load);
    }

    private ModelArchitectures() {
    }

    public static Opener find(String architecture) {
        return OPENERS.get(architecture);
    }

    public static Map<String, Opener> all() {
        return Collections.unmodifiableMap(OPENERS);
    }
}
