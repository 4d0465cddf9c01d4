package org.tessera.engine.model.qwen2_5_vl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The 3B folder's metadata (its weights are 7.5 GB: measured with bench, not written in tests). */
class QwenVlInitTest {
    @Test
    void threeBillionConfigHasQwenShapesAndSpecialTokenIds(@TempDir Path tmp) throws Exception {
        QwenVlConfig c = QwenVlInit.writeMetadata(tmp, "3b", "BF16");
        assertEquals(3_754_622_976L, QwenVlLayout.shapes(c).values().stream().mapToLong(s -> {
            long n = 1;
            for (long d : s) {
                n *= d;
            }
            return n;
        }).sum());
        try (QwenTokenizer t = QwenTokenizer.load(tmp.resolve("tokenizer.json"), c)) {
            assertArrayEquals(new int[] {151644, 'h', 'i', 151645}, t.encode("<|im_start|>hi<|im_end|>"));
            assertEquals(151655, t.encode("<|image_pad|>")[0]);
            assertEquals(151643, t.endOfTextId());
            assertEquals("héllo", t.decode(t.encode("héllo")));
        }
    }
}
