package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.ndarray.NDArray;
import org.tessera.engine.model.KvCacheArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * The Qwen2 language model: token embeddings (image tokens replaced by the vision tower's output), pre-RMSNorm
 * layers of grouped-query attention with q/k/v biases and M-RoPE, SwiGLU MLPs, a final RMSNorm and the LM head.
 * Sequences are left-padded; an additive key mask hides the padding.
 */
final class QwenDecoder {
    private final QwenVlConfig c;
    private final QwenVlWeights w;
    private final float[] invFreq;
    /** For each of the head_dim / 2 frequencies: which of t, h, w drives it (M-RoPE sections). */
    private final int[] section;

    QwenDecoder(QwenVlConfig config, QwenVlWeights weights) {
        this.c = config;
        this.w = weights;
        this.invFreq = QwenOps.inverseFrequencies(c.headDim(), c.ropeTheta());
        this.section = new int[c.headDim() / 2];
        int[] s = c.mropeSection();
        for (int j = 0; j < section.length; j++) {
            section[j] = j < s[0] ? 0 : j < s[0] + s[1] ? 1 : 2;
        }
    }

    /**
     * Per-layer keys and values (rows, kv heads, capacity, head dim); the first {@code length} columns are filled.
     * Preallocated to the longest sequence a generation reaches and written in place.
     */
    static final class KvCache {
        final NDArray[] keys;
        final NDArray[] values;
        int length;

        KvCache(int layers) {
            keys = new NDArray[layers];
            values = new NDArray[layers];
        }

        void attach(NDManager m) {
            for (int i = 0; i < keys.length; i++) {
                keys[i].attach(m);
                values[i].attach(m);
            }
        }

        /** A cache of {@code capacity} columns with this one's columns, each row repeated {@code n} times. */
        KvCache expand(NDManager m, int n, int capacity) {
            KvCache r = new KvCache(keys.length);
            for (int i = 0; i < keys.length; i++) {
                r.keys[i] = KvCacheArrays.expand(m, keys[i], n, capacity);
                r.values[i] = KvCacheArrays.expand(m, values[i], n, capacity);
            }
            r.length = length;
            return r;
        }

    }

    /** cos and sin (rows, 1, cols, head dim) of M-RoPE for positions (3, rows, cols), flattened row-major. */
    NDArray[] rotaryTables(NDManager m, long[][] positions, int rows, int cols) {
        int hd = c.headDim();
        int half = hd / 2;
        float[] cos = new float[rows * cols * hd];
        float[] sin = new float[rows * cols * hd];
        for (int i = 0; i < rows * cols; i++) {
            for (int j = 0; j < half; j++) {
                float angle = positions[section[j]][i] * invFreq[j];
                float co = (float) Math.cos(angle);
                float si = (float) Math.sin(angle);
                cos[i * hd + j] = co;
                cos[i * hd + half + j] = co;
                sin[i * hd + j] = si;
                sin[i * hd + half + j] = si;
            }
        }
        Shape s = new Shape(rows, 1, cols, hd);
        return new NDArray[] {m.create(cos, s), m.create(sin, s)};
    }

    /** Token embeddings (rows, cols, hidden). */
    NDArray embed(NDManager m, long[] tokens, int rows, int cols) {
        NDArray ids = m.create(tokens, new Shape(rows, cols));
        return QwenOps.embedding(ids, w.get("model.embed_tokens.weight"));
    }

    /**
     * Runs the layers over {@code x} (rows, cols, hidden) with an additive mask (rows, 1, cols, keys); with
     * {@code past} the new columns are written into the cache after its filled part, with {@code fill} the
     * computed keys and values are kept (a prefill). Returns the final-normed hidden states.
     */
    NDArray forward(NDArray x, NDArray[] rope, NDArray mask, KvCache past, KvCache fill) {
        for (int l = 0; l < c.numLayers(); l++) {
            int layer = l;
            x = QwenOps.scoped(x, l > 0, (in, parent) -> {
                NDArray out = layer(in, layer, rope, mask, past, fill);
                if (fill != null) { // the prefill's keys and values outlive the layer
                    fill.keys[layer].attach(parent);
                    fill.values[layer].attach(parent);
                }
                return out;
            });
        }
        if (past != null) {
            past.length += (int) x.getShape().get(1);
        }
        return QwenOps.rmsNorm(x, w.get("model.norm.weight"), c.rmsNormEps());
    }

    NDArray logits(NDArray hidden) {
        return QwenOps.linear(hidden, w.lmHead(), null);
    }

    private NDArray layer(NDArray x, int l, NDArray[] rope, NDArray mask, KvCache past, KvCache fill) {
        String p = "model.layers." + l + ".self_attn.";
        long rows = x.getShape().get(0);
        long cols = x.getShape().get(1);
        int heads = c.numHeads();
        int kvHeads = c.numKvHeads();
        int hd = c.headDim();
        int groups = heads / kvHeads;
        NDArray h = QwenOps.rmsNorm(x, w.get("model.layers." + l + ".input_layernorm.weight"), c.rmsNormEps());
        NDArray q = w.linear(h, p + "q_proj.weight", p + "q_proj.bias")
                .reshape(rows, cols, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = w.linear(h, p + "k_proj.weight", p + "k_proj.bias")
                .reshape(rows, cols, kvHeads, hd).transpose(0, 2, 1, 3);
        NDArray v = w.linear(h, p + "v_proj.weight", p + "v_proj.bias")
                .reshape(rows, cols, kvHeads, hd).transpose(0, 2, 1, 3);
        q = QwenOps.rotary(q, rope[0], rope[1]);
        k = QwenOps.rotary(k, rope[0], rope[1]);
        if (past != null) {
            NDIndex column = new NDIndex(":, :, " + past.length + ":" + (past.length + cols));
            past.keys[l].set(column, k);
            past.values[l].set(column, v);
            NDIndex filled = new NDIndex(":, :, :" + (past.length + cols));
            k = past.keys[l].get(filled);
            v = past.values[l].get(filled);
            k.attach(x.getManager());
            v.attach(x.getManager());
        }
        if (fill != null) {
            fill.keys[l] = k;
            fill.values[l] = v;
            fill.length = (int) cols;
        }
        long keys = k.getShape().get(2);
        // grouped-query attention: the query heads of one group share a key/value head (broadcast, no copy)
        NDArray qg = q.reshape(rows, kvHeads, groups, cols, hd);
        NDArray att = qg.matMul(k.reshape(rows, kvHeads, 1, keys, hd).transpose(0, 1, 2, 4, 3))
                .mul(1.0 / Math.sqrt(hd)).add(mask.reshape(rows, 1, 1, cols, keys)).softmax(-1);
        NDArray ctx = att.matMul(v.reshape(rows, kvHeads, 1, keys, hd)).reshape(rows, heads, cols, hd)
                .transpose(0, 2, 1, 3).reshape(rows, cols, (long) heads * hd);
        x = x.add(w.linear(ctx, p + "o_proj.weight", null));
        String m = "model.layers." + l + ".";
        NDArray f = QwenOps.rmsNorm(x, w.get(m + "post_attention_layernorm.weight"), c.rmsNormEps());
        NDArray gate = w.linear(f, m + "mlp.gate_proj.weight", null);
        NDArray act = gate.getNDArrayInternal().swish(1f).mul(w.linear(f, m + "mlp.up_proj.weight", null));
        return x.add(w.linear(act, m + "mlp.down_proj.weight", null));
    }
}
