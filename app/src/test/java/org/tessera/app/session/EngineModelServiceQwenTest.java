package org.tessera.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;

/** The workbench's model service opens a Hugging Face Qwen2.5-VL folder: its card, and the studio's questions. */
class EngineModelServiceQwenTest {
    /** The engine's test fixture (a tiny random-weight Qwen2.5-VL in the hub's layout). */
    static final Path FIXTURE = Path.of("..", "engine", "src", "test", "resources", "hf", "qwen2_5_vl-tiny");

    @Test
    void opensTheFolderShowsItsCardAndAnswers() throws Exception {
        EngineModelService service = EngineModelService.withEngineLoader();
        try {
            ModelCard card = service.load(FIXTURE);
            assertEquals("Qwen2_5_VLForConditionalGeneration", card.architecture());
            assertEquals(512, card.vocabSize());
            assertTrue(card.config().containsKey("vision_parameters") && card.config().containsKey("dtype_on_disk"),
                    card.config().toString());
            BufferedImage image = ImageIO.read(FIXTURE.resolve("image.png").toFile());
            List<Generation> g = service.generate(Prompt.of(image, "Which tile goes first?"),
                    GenerationOptions.sampling(4, 1.0f, 2, 5));
            assertEquals(2, g.size());
            assertTrue(g.get(0).tokens().length <= 4);
        } finally {
            service.close();
        }
    }
}
