package org.tessera.engine.model.qwen2_5_vl;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The tensors a Qwen2.5-VL checkpoint holds, with the shapes its config implies, under the hub's names
 * ({@code visual.*}, {@code model.*}, {@code lm_head.weight}): the names Tessera keeps in memory and writes, so a
 * saved folder loads in transformers. transformers 5 writes {@code model.visual.*} and
 * {@code model.language_model.*}; {@link #canonical} maps those back.
 */
public final class QwenVlLayout {
    private QwenVlLayout() {
    }

    /** Every parameter in a fixed order; {@code lm_head.weight} only when the embeddings are not tied. */
    public static Map<String, long[]> shapes(QwenVlConfig c) {
        Map<String, long[]> s = new LinkedHashMap<>();
        long vh = c.visionHidden();
        long vi = c.visionIntermediate();
        s.put("visual.patch_embed.proj.weight",
                new long[] {vh, c.inChannels(), c.temporalPatchSize(), c.patchSize(), c.patchSize()});
        for (int i = 0; i < c.visionDepth(); i++) {
            String p = "visual.blocks." + i + ".";
            s.put(p + "norm1.weight", new long[] {vh});
            s.put(p + "norm2.weight", new long[] {vh});
            s.put(p + "attn.qkv.weight", new long[] {3 * vh, vh});
            s.put(p + "attn.qkv.bias", new long[] {3 * vh});
            s.put(p + "attn.proj.weight", new long[] {vh, vh});
            s.put(p + "attn.proj.bias", new long[] {vh});
            s.put(p + "mlp.gate_proj.weight", new long[] {vi, vh});
            s.put(p + "mlp.gate_proj.bias", new long[] {vi});
            s.put(p + "mlp.up_proj.weight", new long[] {vi, vh});
            s.put(p + "mlp.up_proj.bias", new long[] {vi});
            s.put(p + "mlp.down_proj.weight", new long[] {vh, vi});
            s.put(p + "mlp.down_proj.bias", new long[] {vh});
        }
        long merged = vh * c.mergeUnit();
        s.put("visual.merger.ln_q.weight", new long[] {vh});
        s.put("visual.merger.mlp.0.weight", new long[] {merged, merged});
        s.put("visual.merger.mlp.0.bias", new long[] {merged});
        s.put("visual.merger.mlp.2.weight", new long[] {c.outHidden(), merged});
        s.put("visual.merger.mlp.2.bias", new long[] {c.outHidden()});
        long h = c.hiddenSize();
        long q = (long) c.numHeads() * c.headDim();
        long kv = (long) c.numKvHeads() * c.headDim();
        long inter = c.intermediateSize();
        s.put("model.embed_tokens.weight", new long[] {c.vocabSize(), h});
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "model.layers." + i + ".";
            s.put(p + "input_layernorm.weight", new long[] {h});
            s.put(p + "self_attn.q_proj.weight", new long[] {q, h});
            s.put(p + "self_attn.q_proj.bias", new long[] {q});
            s.put(p + "self_attn.k_proj.weight", new long[] {kv, h});
            s.put(p + "self_attn.k_proj.bias", new long[] {kv});
            s.put(p + "self_attn.v_proj.weight", new long[] {kv, h});
            s.put(p + "self_attn.v_proj.bias", new long[] {kv});
            s.put(p + "self_attn.o_proj.weight", new long[] {h, q});
            s.put(p + "post_attention_layernorm.weight", new long[] {h});
            s.put(p + "mlp.gate_proj.weight", new long[] {inter, h});
            s.put(p + "mlp.up_proj.weight", new long[] {inter, h});
            s.put(p + "mlp.down_proj.weight", new long[] {h, inter});
        }
        s.put("model.norm.weight", new long[] {h});
        if (!c.tieWordEmbeddings()) {
            s.put("lm_head.weight", new long[] {c.vocabSize(), h});
        }
        return s;
    }

    /** The hub's name of a tensor named either way ({@code model.visual.x} -> {@code visual.x}, ...). */
    public static String canonical(String name) {
        if (name.startsWith("model.visual.")) {
            return name.substring("model.".length());
        }
        if (name.startsWith("model.language_model.")) {
            return "model." + name.substring("model.language_model.".length());
        }
        return name;
    }

    /** Whether a tensor is a norm's scale (initialised to 1) or a bias (0). */
    static boolean isNorm(String name) {
        return name.endsWith("norm1.weight") || name.endsWith("norm2.weight") || name.endsWith("layernorm.weight")
                || name.endsWith("ln_q.weight") || name.equals("model.norm.weight");
    }
}
