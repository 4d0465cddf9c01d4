package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.HfWeightFiles;
import org.tessera.engine.model.HfWeightWriter;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.MappedSafetensors;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** transformers 5's layout (nested text_config, model.language_model.* keys), shards with an index, tied embeddings. */
class QwenFolderVariantsTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static Map<String, HostTensor> tensors(Path dir) {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        try (MappedSafetensors f = MappedSafetensors.open(dir.resolve("model.safetensors"))) {
            for (String k : f.entries().keySet()) {
                out.put(k, f.readFloat(k));
            }
        }
        return out;
    }

    static void copyAux(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        for (String f : List.of("tokenizer.json", "preprocessor_config.json", "image.png")) {
            Files.copy(from.resolve(f), to.resolve(f));
        }
    }

    static float[] logits(Path dir) throws Exception {
        try (QwenVl m = QwenVl.load(dir, true)) {
            QwenSequence s = m.encodeRaw(QwenFixtures.prompt(QwenFixtures.fp32()).get("prompt").asText(),
                    List.of(QwenFixtures.image(QwenFixtures.fp32())));
            return m.logits(List.of(s));
        }
    }

    @Test
    void transformers5LayoutInShardsLoadsToTheSameLogits(@TempDir Path tmp) throws Exception {
        Path src = QwenFixtures.fp32();
        Path dst = tmp.resolve("t5");
        copyAux(src, dst);
        ObjectNode flat = (ObjectNode) JSON.readTree(src.resolve("config.json").toFile());
        ObjectNode nested = JSON.createObjectNode();
        ObjectNode text = nested.putObject("text_config");
        for (String k : List.of("vocab_size", "hidden_size", "intermediate_size", "num_hidden_layers",
                "num_attention_heads", "num_key_value_heads", "rms_norm_eps", "max_position_embeddings", "rope_theta",
                "eos_token_id", "tie_word_embeddings")) {
            text.set(k, flat.get(k));
        }
        text.putObject("rope_parameters").put("rope_type", "default").set("mrope_section", flat.at("/rope_scaling/mrope_section"));
        for (String k : List.of("architectures", "model_type", "image_token_id", "video_token_id",
                "vision_start_token_id", "vision_end_token_id", "vision_config")) {
            nested.set(k, flat.get(k));
        }
        Files.write(dst.resolve("config.json"), JSON.writeValueAsBytes(nested));
        Map<String, HostTensor> t = tensors(src);
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> data = new LinkedHashMap<>();
        t.forEach((k, v) -> {
            String renamed = k.startsWith("visual.") ? "model." + k
                    : k.startsWith("model.") ? "model.language_model." + k.substring(6) : k;
            shapes.put(renamed, v.shape());
            data.put(renamed, v.data());
        });
        HfWeightWriter.write(dst, shapes, data::get, "F32", 200_000);
        assertTrue(Files.isRegularFile(dst.resolve(HfWeightFiles.INDEX)));
        assertTrue(Files.list(dst).filter(p -> p.getFileName().toString().startsWith("model-0")).count() > 2);
        double diff = QwenFixtures.maxAbsDiff(logits(src), logits(dst));
        assertEquals(0.0, diff, "the same weights in another layout give the same logits");
    }

    @Test
    void tiedEmbeddingsUseTheTokenEmbeddingAsHead(@TempDir Path tmp) throws Exception {
        Path src = QwenFixtures.fp32();
        Map<String, HostTensor> t = tensors(src);
        // untied copy whose lm_head equals the embedding, and a tied copy without lm_head: same logits
        Path untied = tmp.resolve("untied");
        Path tied = tmp.resolve("tied");
        copyAux(src, untied);
        copyAux(src, tied);
        Files.copy(src.resolve("config.json"), untied.resolve("config.json"));
        ObjectNode cfg = (ObjectNode) JSON.readTree(src.resolve("config.json").toFile());
        cfg.put("tie_word_embeddings", true);
        Files.write(tied.resolve("config.json"), JSON.writeValueAsBytes(cfg));
        Map<String, long[]> shapes = new LinkedHashMap<>();
        t.forEach((k, v) -> shapes.put(k, v.shape()));
        HfWeightWriter.write(untied, shapes, k -> k.equals("lm_head.weight")
                ? t.get("model.embed_tokens.weight").data() : t.get(k).data(), "F32", 1L << 30);
        shapes.remove("lm_head.weight");
        HfWeightWriter.write(tied, shapes, k -> t.get(k).data(), "F32", 1L << 30);
        assertEquals(0.0, QwenFixtures.maxAbsDiff(logits(untied), logits(tied)));
        try (QwenVl a = QwenVl.load(untied, true); QwenVl b = QwenVl.load(tied, true)) {
            assertEquals(a.card().parameterCount() - 512 * 64, b.card().parameterCount());
        }
    }
}
