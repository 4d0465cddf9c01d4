package org.tessera.engine.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a checkpoint folder ({@code config.json}, {@code tokenizer.json}, {@code model.safetensors}) as the model
 * its {@code architecture} field names. New architectures (e.g. a Hugging Face MLLM from a local folder) plug in
 * here.
 */
public final class ModelLoader {
    /** Where the shipped base model lives, relative to the project root. */
    public static final Path DEFAULT_MODEL = Path.of("assets", "models", "tessera-tiny");

    private ModelLoader() {
    }

    /**
     * The shipped base model: under {@code TESSERA_ROOT} (set by the launcher, so {@code ./tessera} works from any
     * folder), else relative to the working directory.
     */
    public static Path defaultModelDir() {
        String root = System.getenv("TESSERA_ROOT");
        return root == null || root.isBlank() ? DEFAULT_MODEL : Path.of(root).resolve(DEFAULT_MODEL);
    }

    public static TrainableModel load(Path dir) {
        return load(dir, false);
    }

    /** {@code frozen}: load without gradients (reference models, evaluation-only use). */
    public static TrainableModel load(Path dir, boolean frozen) {
        if (!Files.isDirectory(dir)) {
            throw new ModelLoadException(dir, "not a folder (a checkpoint is a folder with config.json, "
                    + "tokenizer.json and model.safetensors)");
        }
        String arch = architecture(dir.resolve("config.json"));
        if (TinyVlmConfig.ARCHITECTURE.equals(arch)) {
            return TinyVlm.load(dir, frozen);
        }
        throw new ModelLoadException(dir.resolve("config.json"), "architecture '" + arch
                + "' is not supported by this version of Tessera (supported: " + TinyVlmConfig.ARCHITECTURE + ")");
    }

    static String architecture(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new ModelLoadException(config, "missing: a checkpoint folder needs its config.json");
        }
        try {
            JsonNode node = new ObjectMapper().readTree(config.toFile());
            JsonNode arch = node == null ? null : node.get("architecture");
            if (arch == null || !arch.isTextual()) {
                throw new ModelLoadException(config, "field 'architecture' is missing or not a string");
            }
            return arch.asText();
        } catch (IOException e) {
            throw new ModelLoadException(config, "not valid JSON: " + e.getMessage(), e);
        }
    }
}
