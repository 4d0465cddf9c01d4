package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.VisionLanguageModel;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wording follows the model's tokenizer: the built-in model reads its world's style, Qwen2.5-VL English. */
class PromptWordingTest {
    @Test
    void theShippedModelGetsTheWorldsWordingAndQwenOrdinaryEnglish() {
        try (VisionLanguageModel tiny = ModelLoader.load(Path.of("..").resolve(ModelLoader.DEFAULT_MODEL), true);
             VisionLanguageModel qwen = ModelLoader.load(Path.of("src/test/resources/hf/qwen2_5_vl-tiny"), true)) {
            assertEquals(PromptWording.WORLD, PromptWording.of(tiny));
            assertEquals(PromptWording.NATURAL, PromptWording.of(qwen));
        }
    }
}
