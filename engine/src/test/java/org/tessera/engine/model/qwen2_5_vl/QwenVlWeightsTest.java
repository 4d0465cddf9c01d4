package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.HfWeightFiles;
import org.tessera.engine.model.HostTensor;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Tensors copied into native memory in pieces equal the file's values, whatever the piece size. */
class QwenVlWeightsTest {
    @Test
    void pieceByPieceCopyEqualsTheFile() {
        for (Path dir : new Path[] {QwenFixtures.fp32(), QwenFixtures.bf16()}) {
            QwenVlConfig c = QwenVlConfig.read(dir.resolve("config.json"));
            try (NDManager m = NDManager.newBaseManager();
                 HfWeightFiles files = HfWeightFiles.open(dir, QwenVlLayout::canonical)) {
                QwenVlWeights w = QwenVlWeights.load(m, c, dir, false, 100); // rows of 64 values: 1 row a piece
                for (Map.Entry<String, NDArray> e : w.named().entrySet()) {
                    HostTensor t = files.read(e.getKey(), e.getValue().getShape().getShape());
                    assertArrayEquals(t.data(), e.getValue().toFloatArray(), 0f, e.getKey());
                }
            }
        }
    }
}
