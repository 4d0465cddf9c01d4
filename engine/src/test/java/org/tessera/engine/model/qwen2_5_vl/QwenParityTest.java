package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.HostTensor;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fp32 fixture against transformers' reference outputs (fp32, TF32 off). */
class QwenParityTest {
    static QwenVl model;
    static QwenSequence prompt;
    static Path dir;

    @BeforeAll
    static void load() throws Exception {
        dir = QwenFixtures.fp32();
        model = QwenVl.load(dir, true);
        model.ropeIndex(RopeIndex.SEQUENTIAL); // how the reference was computed (see RopeIndex)
        JsonNode p = QwenFixtures.prompt(dir);
        prompt = model.encodeRaw(p.get("prompt").asText(), List.of(QwenFixtures.image(dir)));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void imageEmbeddingsMatch() {
        HostTensor ref = QwenFixtures.ref(dir, "image_embeds");
        double diff = QwenFixtures.maxAbsDiff(ref.data(), model.imageEmbeddings(List.of(prompt)));
        System.out.println("image embeds max abs diff " + diff);
        assertTrue(diff <= 1e-4, "image embeds max abs diff " + diff);
    }

    @Test
    void logitsMatch() {
        HostTensor ref = QwenFixtures.ref(dir, "logits");
        float[] got = model.logits(List.of(prompt));
        double diff = QwenFixtures.maxAbsDiff(ref.data(), got);
        System.out.println("logits max abs diff " + diff);
        assertTrue(diff <= 1e-4, "logits max abs diff " + diff);
    }

    @Test
    void greedyTokensMatch() {
        long[] ref = QwenFixtures.refLong(dir, "greedy_new_tokens");
        // the reference decodes 8 tokens without stopping at EOS; none of them is EOS here, so the stop cannot cut it
        List<List<Generation>> g = model.generateSequences(List.of(prompt), GenerationOptions.greedy(ref.length));
        long[] got = java.util.Arrays.stream(g.get(0).get(0).tokens()).asLongStream().toArray();
        assertArrayEquals(ref, got);
    }
}
