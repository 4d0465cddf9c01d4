package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.HostTensor;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Image processor and tokenizer against transformers' outputs on the fixture. */
class QwenPreprocessingTest {
    @Test
    void pixelValuesAndGridMatchTransformers() throws Exception {
        Path dir = QwenFixtures.fp32();
        QwenVlConfig c = QwenVlConfig.read(dir.resolve("config.json"));
        QwenImageProcessor p = QwenImageProcessor.load(dir.resolve("preprocessor_config.json"), c);
        QwenImageProcessor.Processed out = p.process(QwenFixtures.image(dir));
        long[] grid = QwenFixtures.refLong(dir, "image_grid_thw");
        assertArrayEquals(grid, new long[] {out.gridT(), out.gridH(), out.gridW()});
        HostTensor ref = QwenFixtures.ref(dir, "pixel_values");
        double diff = QwenFixtures.maxAbsDiff(ref.data(), out.pixels());
        assertTrue(diff <= 1e-5, "max abs diff of pixel values " + diff);
        assertEquals(15, p.tokens(out));
    }

    @Test
    void smartResizeKeepsMultiplesOf28AndLimits() {
        QwenVlConfig c = QwenVlConfig.read(QwenFixtures.fp32().resolve("config.json"));
        QwenImageProcessor p = QwenImageProcessor.defaults(c);
        assertArrayEquals(new int[] {84, 140}, p.smartResize(84, 140));
        assertArrayEquals(new int[] {224, 224}, p.smartResize(230, 220));
        int[] small = p.smartResize(10, 10); // below min_pixels 56*56: scaled up
        assertTrue(small[0] * small[1] >= 56 * 56 && small[0] % 28 == 0, java.util.Arrays.toString(small));
        int[] big = p.smartResize(4000, 3000); // above 1280 * 28 * 28: scaled down
        assertTrue((long) big[0] * big[1] <= 28L * 28 * 1280 && big[1] % 28 == 0, java.util.Arrays.toString(big));
    }

    @Test
    void promptTokensMatchTransformers() throws Exception {
        Path dir = QwenFixtures.fp32();
        QwenVlConfig c = QwenVlConfig.read(dir.resolve("config.json"));
        JsonNode prompt = QwenFixtures.prompt(dir);
        try (QwenTokenizer t = QwenTokenizer.load(dir.resolve("tokenizer.json"), c)) {
            int[] ids = t.encodeWithImages(prompt.get("prompt").asText(), new int[] {prompt.get("image_tokens").asInt()});
            long[] ref = QwenFixtures.refLong(dir, "input_ids");
            assertArrayEquals(ref, java.util.Arrays.stream(ids).asLongStream().toArray());
            long[] train = QwenFixtures.refLong(dir, "train_input_ids");
            int[] completion = t.encode(prompt.get("completion").asText());
            for (int i = 0; i < completion.length; i++) {
                assertEquals(train[ids.length + i], completion[i], "completion token " + i);
            }
            assertEquals(2, t.eosId());
            assertEquals("<|im_start|>", t.tokenText(1));
        }
    }
}
