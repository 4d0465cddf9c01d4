package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.model.HfWeightWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a seeded random-weight Qwen2.5-VL folder in the hub's layout (flat config.json, tokenizer.json,
 * preprocessor_config.json, weights as {@code model.safetensors} or 4 GiB shards with an index): for tests and
 * benchmarks, since no real weights can be downloaded. {@code 3b} has Qwen2.5-VL-3B-Instruct's published shapes
 * (3.75 B parameters) and its special-token ids; {@code tiny} is a few hundred thousand parameters. Tensors are made
 * and written one at a time, so a 15 GB fp32 model needs no 15 GB heap.
 */
public final class QwenVlInit {
    private static final ObjectMapper JSON = TesseraJson.INDENTED;
    /** Shards the size the hub uses, over the 2 GiB a Java array or DJL's own reader can take. */
    public static final long SHARD_BYTES = 4L << 30;

    private QwenVlInit() {
    }

    public static ObjectNode config(String size) {
        ObjectNode c = JSON.createObjectNode();
        c.putArray("architectures").add(QwenVlConfig.ARCHITECTURE);
        c.put("model_type", "qwen2_5_vl");
        boolean big = switch (size) {
            case "3b" -> true;
            case "tiny" -> false;
            default -> throw new IllegalArgumentException("size must be tiny or 3b, not '" + size + "'");
        };
        // special tokens: Qwen's real ids in the 3B model, right after the 256 byte tokens in the tiny one
        int base = big ? 151643 : 256;
        c.put("bos_token_id", base);
        c.put("eos_token_id", base + 2);
        c.put("vision_start_token_id", big ? 151652 : base + 3);
        c.put("vision_end_token_id", big ? 151653 : base + 4);
        c.put("vision_token_id", big ? 151654 : base + 5);
        c.put("image_token_id", big ? 151655 : base + 5);
        c.put("video_token_id", big ? 151656 : base + 6);
        c.put("vocab_size", big ? 151936 : 320);
        c.put("hidden_size", big ? 2048 : 64);
        c.put("intermediate_size", big ? 11008 : 128);
        c.put("num_hidden_layers", big ? 36 : 2);
        c.put("num_attention_heads", big ? 16 : 4);
        c.put("num_key_value_heads", 2);
        c.put("rms_norm_eps", 1e-6);
        c.put("max_position_embeddings", big ? 128000 : 4096);
        c.put("hidden_act", "silu");
        c.put("rope_theta", 1000000.0);
        c.put("sliding_window", 32768);
        c.put("use_sliding_window", false);
        c.put("max_window_layers", big ? 70 : 2);
        c.put("attention_dropout", 0.0);
        c.put("initializer_range", 0.02);
        c.put("tie_word_embeddings", big);
        c.put("torch_dtype", "bfloat16");
        c.put("use_cache", true);
        ObjectNode rope = c.putObject("rope_scaling");
        rope.put("type", "mrope");
        var sections = rope.putArray("mrope_section");
        for (int s : big ? new int[] {16, 24, 24} : new int[] {2, 3, 3}) {
            sections.add(s);
        }
        ObjectNode v = c.putObject("vision_config");
        v.put("depth", big ? 32 : 2);
        v.put("hidden_act", "silu");
        v.put("hidden_size", big ? 1280 : 32);
        v.put("intermediate_size", big ? 3420 : 64);
        v.put("num_heads", big ? 16 : 2);
        v.put("in_chans", 3);
        v.put("out_hidden_size", big ? 2048 : 64);
        v.put("patch_size", 14);
        v.put("spatial_merge_size", 2);
        v.put("spatial_patch_size", 14);
        v.put("window_size", big ? 112 : 56);
        var full = v.putArray("fullatt_block_indexes");
        for (int b : big ? new int[] {7, 15, 23, 31} : new int[] {1}) {
            full.add(b);
        }
        v.put("tokens_per_second", 2);
        v.put("temporal_patch_size", 2);
        return c;
    }

    /** Writes the folder; returns the number of parameters. */
    public static long write(Path dir, String size, long seed, String dtype) throws IOException {
        QwenVlConfig cfg = writeMetadata(dir, size, dtype);
        Map<String, long[]> shapes = QwenVlLayout.shapes(cfg);
        HfWeightWriter.write(dir, shapes, name -> QwenVlWeights.randomTensor(name, shapes.get(name), seed), dtype,
                SHARD_BYTES);
        return shapes.values().stream().mapToLong(s -> {
            long n = 1;
            for (long d : s) {
                n *= d;
            }
            return n;
        }).sum();
    }

    /** config.json, tokenizer.json and preprocessor_config.json (everything but the weights). */
    static QwenVlConfig writeMetadata(Path dir, String size, String dtype) throws IOException {
        return writeMetadata(dir, config(size), dtype);
    }

    /** A folder of random weights for any config (tests of other shapes). */
    static void write(Path dir, ObjectNode raw, long seed) throws IOException {
        QwenVlConfig cfg = writeMetadata(dir, raw, "F32");
        Map<String, long[]> shapes = QwenVlLayout.shapes(cfg);
        HfWeightWriter.write(dir, shapes, name -> QwenVlWeights.randomTensor(name, shapes.get(name), seed), "F32",
                SHARD_BYTES);
    }

    static QwenVlConfig writeMetadata(Path dir, ObjectNode raw, String dtype) throws IOException {
        raw.put("torch_dtype", dtype.equals("F32") ? "float32" : "bfloat16");
        Files.createDirectories(dir);
        Path cfgFile = dir.resolve("config.json");
        AtomicFiles.write(cfgFile, JSON.writeValueAsBytes(raw));
        QwenVlConfig cfg = QwenVlConfig.parse(cfgFile, raw);
        Map<String, Integer> specials = new LinkedHashMap<>();
        int base = raw.get("bos_token_id").asInt();
        specials.put("<|endoftext|>", base);
        specials.put("<|im_start|>", base + 1);
        specials.put("<|im_end|>", base + 2);
        specials.put("<|vision_start|>", cfg.visionStartTokenId());
        specials.put("<|vision_end|>", cfg.visionEndTokenId());
        specials.put("<|image_pad|>", cfg.imageTokenId());
        specials.put("<|video_pad|>", raw.get("video_token_id").asInt());
        AtomicFiles.write(dir.resolve("tokenizer.json"), ByteLevelTokenizerJson.build(specials));
        ObjectNode pre = JSON.createObjectNode();
        pre.put("image_processor_type", "Qwen2VLImageProcessor");
        pre.put("do_resize", true);
        pre.put("do_rescale", true);
        pre.put("rescale_factor", 1 / 255.0);
        pre.put("do_normalize", true);
        pre.putArray("image_mean").add(0.48145466).add(0.4578275).add(0.40821073);
        pre.putArray("image_std").add(0.26862954).add(0.26130258).add(0.27577711);
        pre.put("min_pixels", 3136);
        pre.put("max_pixels", 12845056);
        pre.put("patch_size", 14);
        pre.put("temporal_patch_size", 2);
        pre.put("merge_size", 2);
        AtomicFiles.write(dir.resolve("preprocessor_config.json"), JSON.writeValueAsBytes(pre));
        return cfg;
    }
}
