package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Other shapes than the fixture's (head counts, GQA ratios, window sizes, tied embeddings, image sizes): every size
 * comes from the config, and the cache, the padding and the window attention stay consistent.
 */
class QwenShapesTest {
    static BufferedImage image(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                img.setRGB(x, y, ((x * 37) ^ (y * 11)) * 0x010101 + x * 3);
            }
        }
        return img;
    }

    static ObjectNode variant(int heads, int kvHeads, int visionHeads, int window, boolean tied, int[] full) {
        ObjectNode c = QwenVlInit.config("tiny");
        c.put("num_attention_heads", heads);
        c.put("num_key_value_heads", kvHeads);
        c.put("tie_word_embeddings", tied);
        int half = 64 / heads / 2; // head_dim / 2 frequencies split over t, h, w
        var sec = ((ObjectNode) c.get("rope_scaling")).putArray("mrope_section");
        sec.add(half - 2 * (half / 3)).add(half / 3).add(half / 3);
        ObjectNode v = (ObjectNode) c.get("vision_config");
        v.put("num_heads", visionHeads);
        v.put("window_size", window);
        var f = v.putArray("fullatt_block_indexes");
        for (int b : full) {
            f.add(b);
        }
        return c;
    }

    static int argmaxLast(float[] logits, int cols, int vocab) {
        int base = (cols - 1) * vocab;
        int arg = 0;
        for (int k = 1; k < vocab; k++) {
            if (logits[base + k] > logits[base + arg]) {
                arg = k;
            }
        }
        return arg;
    }

    @Test
    void everySizeComesFromTheConfig(@TempDir Path tmp) throws Exception {
        Object[][] variants = {
                {8, 2, 4, 112, false, new int[] {0}},   // head_dim 8, 4 query heads per kv head, 4x4-token windows
                {2, 2, 1, 56, true, new int[] {1}},     // no GQA, tied LM head, one vision head
                {4, 1, 2, 28, false, new int[] {}},     // multi-query attention, 1-token windows, no full-attention block
        };
        for (int i = 0; i < variants.length; i++) {
            Object[] v = variants[i];
            Path dir = tmp.resolve("v" + i);
            QwenVlInit.write(dir, variant((int) v[0], (int) v[1], (int) v[2], (int) v[3], (boolean) v[4], (int[]) v[5]), i);
            try (QwenVl m = QwenVl.load(dir, true)) {
                assertEquals((int) v[0], m.config().numHeads());
                List<Prompt> prompts = List.of(Prompt.of(image(84, 140), "first?"), Prompt.of(image(168, 56), "x"));
                List<List<Generation>> g = m.generate(prompts, GenerationOptions.greedy(3));
                for (int p = 0; p < prompts.size(); p++) {
                    QwenSequence s = m.encode(prompts.get(p));
                    int[] toks = g.get(p).get(0).tokens();
                    for (int t = 0; t < toks.length; t++) {
                        QwenSequence prefix = s.withCompletion(java.util.Arrays.copyOf(toks, t));
                        float[] lg = m.logits(List.of(prefix));
                        assertEquals(argmaxLast(lg, prefix.length(), m.config().vocabSize()), toks[t],
                                "variant " + i + " prompt " + p + " token " + t);
                    }
                }
            }
        }
    }

    @Test
    void aWindowCoveringTheWholeImageEqualsFullAttention(@TempDir Path tmp) throws Exception {
        // 112-pixel windows hold a 112 x 84 image whole: window blocks must then compute what full blocks do
        QwenVlInit.write(tmp.resolve("windowed"), variant(4, 2, 2, 112, false, new int[] {}), 7);
        QwenVlInit.write(tmp.resolve("full"), variant(4, 2, 2, 112, false, new int[] {0, 1}), 7);
        QwenVlInit.write(tmp.resolve("small"), variant(4, 2, 2, 56, false, new int[] {}), 7);
        BufferedImage img = image(112, 84);
        try (QwenVl a = QwenVl.load(tmp.resolve("windowed"), true); QwenVl b = QwenVl.load(tmp.resolve("full"), true);
             QwenVl c = QwenVl.load(tmp.resolve("small"), true)) {
            float[] ea = a.imageEmbeddings(List.of(a.encode(Prompt.of(img, "x"))));
            float[] eb = b.imageEmbeddings(List.of(b.encode(Prompt.of(img, "x"))));
            float[] ec = c.imageEmbeddings(List.of(c.encode(Prompt.of(img, "x"))));
            assertTrue(QwenFixtures.maxAbsDiff(ea, eb) < 1e-5, "one window = full attention");
            assertTrue(QwenFixtures.maxAbsDiff(ea, ec) > 1e-4, "smaller windows do change the result");
        }
    }
}
