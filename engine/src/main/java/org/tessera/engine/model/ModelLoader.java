package org.tessera.engine.model;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a checkpoint folder ({@code config.json}, {@code tokenizer.json}, weights) as the model its config names:
 * the tiny model's {@code architecture} field or a Hugging Face config's {@code architectures} list, looked up in
 * {@link ModelArchitectures}.
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
        return org.tessera.engine.config.TesseraEnvironment.ROOT.value()
                .map(root -> Path.of(root).resolve(DEFAULT_MODEL)).orElse(DEFAULT_MODEL);
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
        for (ModelProvider p : ModelArchitectures.all().values()) {
            if (p.opensFolder(dir)) {
                return p.open(dir, frozen);
            }
        }
        String arch = architecture(dir.resolve("config.json"));
        ModelProvider opener = ModelArchitectures.find(arch);
        if (opener == null) {
            throw new ModelLoadException(dir.resolve("config.json"), "architecture '" + arch
                    + "' is not supported by this version of Tessera (supported: "
                    + String.join(", ", ModelArchitectures.all().keySet()) + ")");
        }
        return opener.open(dir, frozen);
    }

    /** The architecture id a checkpoint folder's config.json names. */
    public static String architectureOf(Path dir) {
        return architecture(dir.resolve("config.json"));
    }

    static String architecture(Path config) {
        if (!Files.isRegularFile(config)) {
            throw new ModelLoadException(config, "missing: a checkpoint folder needs its config.json");
        }
        try {
            JsonNode node = TesseraJson.MAPPER.readTree(config.toFile());
            JsonNode arch = node == null ? null : node.get("architecture");
            if (arch != null && arch.isTextual()) {
                return arch.asText();
            }
            JsonNode list = node == null ? null : node.get("architectures");
            if (list != null && list.isArray()) {
                // a Hugging Face config: the first listed architecture Tessera knows, else the first listed
                for (JsonNode a : list) {
                    if (ModelArchitectures.find(a.asText()) != null) {
                        return a.asText();
                    }
                }
                if (!list.isEmpty()) {
                    return list.get(0).asText();
                }
            }
            throw new ModelLoadException(config, "neither field 'architecture' (a Tessera model) nor "
                    + "'architectures' (a Hugging Face model) names the model's architecture");
        } catch (IOException e) {
            throw new ModelLoadException(config, "not valid JSON: " + e.getMessage(), e);
        }
    }
}
