package org.tessera.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;

/** The production service against the real engine: a checkpoint saved to disk comes back as its card. */
class EngineModelServiceCheckpointTest {
    @TempDir
    Path temp;

    @Test
    void loadsASavedCheckpointWithTheEngine() {
        Path dir = temp.resolve("card-test");
        TinyTokenizer tokenizer = TinyTokenizer.build(List.of("where", "is", "the", "red", "circle"));
        TinyVlmConfig config = new TinyVlmConfig(TinyVlmConfig.ARCHITECTURE, "card-test", tokenizer.vocabSize(),
                32, 2, 4, 64, 64, 16, 8, 4, 1e-5f, 0.2f);
        long parameters;
        try (TinyVlm model = TinyVlm.create(config, tokenizer, 7)) {
            parameters = model.card().parameterCount();
            model.save(dir);
        }

        try (EngineModelService service = EngineModelService.withEngineLoader()) {
            ModelCard card = service.load(dir);

            assertEquals("card-test", card.name());
            assertEquals(TinyVlmConfig.ARCHITECTURE, card.architecture());
            assertEquals(parameters, card.parameterCount());
            assertEquals(tokenizer.vocabSize(), card.vocabSize());
            assertEquals("cpu()", card.device());
            assertEquals(dir.toString(), card.directory());
            assertTrue(card.fileSizes().keySet().containsAll(
                    List.of("config.json", "tokenizer.json", "model.safetensors")), card.fileSizes().toString());
            assertEquals(32, card.config().get("hidden_size"));
        }
    }

    @Test
    void loadsTheShippedBaseModel() {
        // Surefire runs in the module folder (app/); the shipped model sits at the repository root.
        Path shipped = Path.of("..").resolve(ModelLoader.DEFAULT_MODEL).toAbsolutePath().normalize();
        try (EngineModelService service = EngineModelService.withEngineLoader()) {
            ModelCard card = service.load(shipped);

            assertEquals("tessera-tiny", card.name());
            assertEquals(TinyVlmConfig.ARCHITECTURE, card.architecture());
            assertTrue(card.parameterCount() > 0);
            assertTrue(card.fileSizes().get("model.safetensors") > 0);
        }
    }

    @Test
    void aMissingFolderIsAModelLoadException() {
        try (EngineModelService service = EngineModelService.withEngineLoader()) {
            Path missing = temp.resolve("no-such-model");
            ModelLoadException error = assertThrows(ModelLoadException.class, () -> service.load(missing));
            assertEquals(missing, error.file());
        }
    }
}
