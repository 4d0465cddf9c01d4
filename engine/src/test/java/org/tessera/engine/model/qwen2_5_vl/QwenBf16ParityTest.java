package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.HostTensor;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bf16 folder: weights widened in Java (DJL never sees bf16), logits against its own fp32-from-bf16 reference. */
class QwenBf16ParityTest {
    @Test
    void bf16FolderMatchesItsReference() throws Exception {
        Path dir = QwenFixtures.bf16();
        try (QwenVl model = QwenVl.load(dir, true)) {
            model.ropeIndex(RopeIndex.SEQUENTIAL); // how the reference was computed (see RopeIndex)
            assertEquals("BF16", model.card().config().get("dtype_on_disk"));
            JsonNode p = QwenFixtures.prompt(dir);
            QwenSequence s = model.encodeRaw(p.get("prompt").asText(), List.of(QwenFixtures.image(dir)));
            HostTensor ref = QwenFixtures.ref(dir, "logits");
            double diff = QwenFixtures.maxAbsDiff(ref.data(), model.logits(List.of(s)));
            System.out.println("bf16 logits max abs diff " + diff);
            assertTrue(diff <= 1e-4, "bf16 logits max abs diff " + diff);
        }
    }
}
