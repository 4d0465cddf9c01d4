package org.tessera.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.VisionLanguageModel;

class EngineModelServiceTest {
    @TempDir
    Path temp;

    @Test
    void keepsTheLoadedModelUntilTheNextLoadOrClose() throws Exception {
        Path first = Files.createDirectory(temp.resolve("first"));
        Path second = Files.createDirectory(temp.resolve("second"));
        List<CardOnlyModel> made = new ArrayList<>();
        EngineModelService service = new EngineModelService(dir -> {
            CardOnlyModel model = new CardOnlyModel(dir.getFileName().toString());
            made.add(model);
            return model;
        });

        assertEquals("first", service.load(first).name());
        assertEquals("second", service.load(second).name());
        assertTrue(made.get(0).closed, "loading another model frees the previous one");
        assertFalse(made.get(1).closed);

        service.close();
        assertTrue(made.get(1).closed);
    }

    @Test
    void aLoadThatFinishesAfterCloseFreesItsModel() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("late"));
        List<CardOnlyModel> made = new ArrayList<>();
        EngineModelService[] service = new EngineModelService[1];
        service[0] = new EngineModelService(d -> {
            service[0].close(); // the window closes while the weights are read
            CardOnlyModel model = new CardOnlyModel("late");
            made.add(model);
            return model;
        });

        assertThrows(IllegalStateException.class, () -> service[0].load(dir));
        assertTrue(made.get(0).closed);
    }

    @Test
    void loaderErrorsReachTheCaller() throws Exception {
        Path dir = Files.createDirectory(temp.resolve("broken"));
        EngineModelService service = new EngineModelService(d -> {
            throw new ModelLoadException(d.resolve("config.json"), "missing key d_model");
        });

        ModelLoadException error = assertThrows(ModelLoadException.class, () -> service.load(dir));
        assertTrue(error.getMessage().endsWith("config.json: missing key d_model"), error.getMessage());
    }

    /** Only what the service touches: the card and close. */
    private static final class CardOnlyModel implements VisionLanguageModel {
        private final String name;
        boolean closed;

        CardOnlyModel(String name) {
            this.name = name;
        }

        @Override
        public ModelCard card() {
            return new ModelCard(name, "test", 1, 1, "cpu()", null, Map.of(), Map.of());
        }

        @Override
        public TextTokenizer tokenizer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Path dir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VisionLanguageModel frozenCopy() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
