package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.HfWeightFiles;
import org.tessera.engine.model.HfWeightWriter;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.ModelLoadException;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken folders give a ModelLoadException naming the file and the tensor or field, never a JVM abort. */
class QwenLoadErrorsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    /** The fixture as shards of about 200 kB with an index. */
    static Path sharded(Path tmp) throws Exception {
        Path src = QwenFixtures.fp32();
        Path dst = tmp.resolve("sharded");
        QwenFolderVariantsTest.copyAux(src, dst);
        Files.copy(src.resolve("config.json"), dst.resolve("config.json"));
        Map<String, HostTensor> t = QwenFolderVariantsTest.tensors(src);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        t.forEach((k, v) -> shapes.put(k, v.shape()));
        HfWeightWriter.write(dst, shapes, k -> t.get(k).data(), "F32", 200_000);
        return dst;
    }

    static ModelLoadException fails(Path dir) {
        return assertThrows(ModelLoadException.class, () -> QwenVl.load(dir, true).close());
    }

    @Test
    void truncatedShard(@TempDir Path tmp) throws Exception {
        Path dir = sharded(tmp);
        Path shard = dir.resolve("model-00002-of-00005.safetensors");
        assertTrue(Files.exists(shard), "expected 5 shards: " + Files.list(dir).toList());
        try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
            f.setLength(f.length() - 1000);
        }
        ModelLoadException e = fails(dir);
        assertTrue(e.getMessage().contains("model-00002-of-00005.safetensors") && e.getMessage().contains("truncated")
                && e.getMessage().contains("tensor '"), e.getMessage());
    }

    @Test
    void missingIndexEntry(@TempDir Path tmp) throws Exception {
        Path dir = sharded(tmp);
        ObjectNode index = (ObjectNode) JSON.readTree(dir.resolve(HfWeightFiles.INDEX).toFile());
        ((ObjectNode) index.get("weight_map")).remove("model.layers.1.mlp.up_proj.weight");
        Files.write(dir.resolve(HfWeightFiles.INDEX), JSON.writeValueAsBytes(index));
        ModelLoadException e = fails(dir);
        assertTrue(e.getMessage().contains(HfWeightFiles.INDEX)
                && e.getMessage().contains("'model.layers.1.mlp.up_proj.weight' is missing from weight_map"), e.getMessage());
    }

    @Test
    void wrongShape(@TempDir Path tmp) throws Exception {
        Path dir = sharded(tmp);
        ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        cfg.put("intermediate_size", 96);
        Files.write(dir.resolve("config.json"), JSON.writeValueAsBytes(cfg));
        ModelLoadException e = fails(dir);
        assertTrue(e.getMessage().contains(".safetensors") && e.getMessage().contains("mlp.gate_proj.weight' has shape [128, 64]")
                && e.getMessage().contains("[96, 64]"), e.getMessage());
    }

    @Test
    void unknownDtype(@TempDir Path tmp) throws Exception {
        Path dir = sharded(tmp);
        Path shard = dir.resolve("model-00001-of-00005.safetensors");
        byte[] bytes = Files.readAllBytes(shard);
        String head = new String(bytes, 8, 400, StandardCharsets.UTF_8);
        int at = head.indexOf("\"F32\"");
        bytes[8 + at + 1] = 'Q'; // "Q32": no such dtype
        Files.write(shard, bytes);
        ModelLoadException e = fails(dir);
        assertTrue(e.getMessage().contains("model-00001-of-00005.safetensors") && e.getMessage().contains("dtype 'Q32'")
                && e.getMessage().contains("tensor '"), e.getMessage());
    }

    @Test
    void missingConfigField(@TempDir Path tmp) throws Exception {
        Path dir = sharded(tmp);
        ObjectNode cfg = (ObjectNode) JSON.readTree(dir.resolve("config.json").toFile());
        ((ObjectNode) cfg.get("vision_config")).remove("window_size");
        Files.write(dir.resolve("config.json"), JSON.writeValueAsBytes(cfg));
        ModelLoadException e = fails(dir);
        assertTrue(e.getMessage().contains("config.json") && e.getMessage().contains("'vision_config.window_size' is missing"),
                e.getMessage());
    }

    @Test
    void missingShardFile(@TempDir Path tmp) throws Exception {
        Path dir = sharded(tmp);
        Files.delete(dir.resolve("model-00003-of-00005.safetensors"));
        ModelLoadException e = fails(dir);
        assertTrue(e.getMessage().contains("model-00003-of-00005.safetensors") && e.getMessage().contains("missing"),
                e.getMessage());
    }
}
