package org.tessera.engine.model.tiny;

import ai.djl.ndarray.NDArray;
import org.tessera.engine.model.KvCacheArrays;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The tiny model's computation, written with DJL NDArray ops: patch embedding + 2-D position and image-index
 * embeddings, token + position embeddings, pre-LayerNorm transformer blocks (bidirectional among image tokens,
 * causal over text), a final norm and an LM head tied to the token embedding.
 *
 * <p>Memory rule (stack-notes): an op's result belongs to the manager of the array it is called on, so every op
 * here is called on an activation (which lives in the caller's per-step manager), never on a parameter.
 */
public final class TinyVlmNetwork {
    static final float MASKED = -1e9f;

    private final TinyVlmConfig c;
    private final TinyVlmWeights w;

    public TinyVlmNetwork(TinyVlmConfig config, TinyVlmWeights weights) {
        this.c = config;
        this.w = weights;
    }

    /**
     * Per-layer keys and values, each (batch, heads, capacity, headDim), of which the first {@code length} columns
     * are filled. Preallocated to the longest sequence a generation can reach and written in place: growing it by
     * concatenation copied the whole cache at every step, which cost more than the step's own arithmetic.
     */
    public static final class KvCache {
        final NDArray[] keys;
        final NDArray[] values;
        int length;

        KvCache(int layers) {
            keys = new NDArray[layers];
            values = new NDArray[layers];
        }

        /** Moves the cache arrays to {@code manager} (so a step's sub-manager can close). */
        void attach(NDManager manager) {
            for (int i = 0; i < keys.length; i++) {
                keys[i].attach(manager);
                values[i].attach(manager);
            }
        }

        /** Keeps only the given rows (indices into the current rows, in order), for every layer. */
        void keepRows(NDManager m, long[] rows) {
            NDArray idx = m.create(rows);
            for (int i = 0; i < keys.length; i++) {
                NDArray k = keys[i].get(new NDIndex("{}", idx));
                NDArray v = values[i].get(new NDIndex("{}", idx));
                k.attach(m);
                v.attach(m);
                keys[i].close();
                values[i].close();
                keys[i] = k;
                values[i] = v;
            }
            idx.close();
        }

        /**
         * A preallocated cache of {@code capacity} columns holding this (prefill) cache's columns, each row
         * repeated {@code n} times in place (prompt i's samples become rows i*n .. i*n+n-1).
         */
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

    /**
     * Full forward pass. Returns the final hidden states of the text columns (batch, textLength, hidden); when
     * {@code cache} is non-null it is filled with every layer's keys and values.
     */
    public NDArray forwardHidden(NDManager m, EncodedBatch b, KvCache cache) {
        NDArray x = embed(m, b);
        int s = (int) x.getShape().get(1);
        NDArray mask = m.create(b.attentionMask(c.patchesPerImage()), new Shape(b.batch(), 1, s, s));
        for (int l = 0; l < c.numLayers(); l++) {
            x = block(x, mask, l, cache, null);
        }
        x = norm(x, "final_norm");
        int imageTokens = b.numImages() * c.patchesPerImage();
        return imageTokens == 0 ? x : x.get(":, " + imageTokens + ":, :");
    }

    /** Logits over the vocabulary (batch, textLength, vocab) of a full forward pass. */
    public NDArray forwardLogits(NDManager m, EncodedBatch b, KvCache cache) {
        return lmHead(forwardHidden(m, b, cache));
    }

    /** The LM head, tied to the token embedding: hidden @ E^T. */
    public NDArray lmHead(NDArray hidden) {
        return hidden.getNDArrayInternal().linear(hidden, w.get("text.embed_tokens.weight"), null).singletonOrThrow();
    }

    /**
     * One decoding step with the cache: {@code tokens} and {@code positions} are (rows, 1); {@code keyMask} is
     * the additive mask (rows, 1, 1, columns + 1) over cached columns plus the new one. Returns logits
     * (rows, vocab); the new column is written into the cache in place.
     */
    public NDArray decodeStep(NDManager m, long[] tokens, long[] positions, float[] keyMask, KvCache cache) {
        int rows = tokens.length;
        NDArray tok = m.create(tokens, new Shape(rows, 1));
        NDArray pos = m.create(positions, new Shape(rows, 1));
        NDArray x = embedText(tok, pos);
        NDArray mask = m.create(keyMask, new Shape(rows, 1, 1, keyMask.length / rows));
        for (int l = 0; l < c.numLayers(); l++) {
            x = block(x, mask, l, null, cache);
        }
        cache.length++;
        x = norm(x, "final_norm");
        return lmHead(x).reshape(rows, c.vocabSize());
    }

    private NDArray embed(NDManager m, EncodedBatch b) {
        NDArray tok = m.create(b.tokens(), new Shape(b.batch(), b.textLength()));
        NDArray pos = m.create(b.positions(), new Shape(b.batch(), b.textLength()));
        NDArray text = embedText(tok, pos);
        if (b.numImages() == 0) {
            return text;
        }
        int p = c.patchesPerImage();
        NDArray patches = m.create(b.patches(), new Shape(b.batch(), b.numImages(), p, c.patchDim()));
        NDArray img = linear(patches, "vision.patch_embed");
        if (c.visionMlp()) {
            // What a patch shows, beyond its colour: a linear projection carries shape and size only multiplied
            // by colour, so attention could not find "the circles" among image tokens until a decoder layer had
            // untangled them (MODEL_CARD.md). One pre-LN MLP per patch, before its position is added, so the
            // same picture gives the same features in every cell.
            img = residualMlp(img, "vision.mlp.ln", "vision.mlp.");
        }
        img = img.add(w.get("vision.pos_embed"));
        long[] slots = new long[b.numImages()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = i;
        }
        NDArray slotIds = m.create(slots, new Shape(b.numImages()));
        NDArray slotEmb = embedding(slotIds, w.get("vision.image_index_embed")).reshape(1, b.numImages(), 1,
                c.hiddenSize());
        img = img.add(slotEmb).reshape(b.batch(), (long) b.numImages() * p, c.hiddenSize());
        return NDArrays.concat(new NDList(img, text), 1);
    }

    private NDArray embedText(NDArray tok, NDArray pos) {
        return embedding(tok, w.get("text.embed_tokens.weight"))
                .add(embedding(pos, w.get("text.embed_positions.weight")));
    }

    private NDArray block(NDArray x, NDArray mask, int layer, KvCache out, KvCache past) {
        String p = "layers." + layer + ".";
        long batch = x.getShape().get(0);
        long cols = x.getShape().get(1);
        int heads = c.numHeads();
        int hd = c.headDim();
        NDArray h = norm(x, p + "ln1");
        NDList qkv = linear(h, p + "attn.qkv").split(3, 2);
        NDArray q = qkv.get(0).reshape(batch, cols, heads, hd).transpose(0, 2, 1, 3);
        NDArray k = qkv.get(1).reshape(batch, cols, heads, hd).transpose(0, 2, 1, 3);
        NDArray v = qkv.get(2).reshape(batch, cols, heads, hd).transpose(0, 2, 1, 3);
        if (past != null) {
            // write this column into the preallocated cache, then attend over the filled part
            NDIndex column = new NDIndex(":, :, " + past.length + ":" + (past.length + cols));
            past.keys[layer].set(column, k);
            past.values[layer].set(column, v);
            NDIndex filled = new NDIndex(":, :, :" + (past.length + cols));
            k = past.keys[layer].get(filled);
            v = past.values[layer].get(filled);
            k.attach(x.getManager());
            v.attach(x.getManager());
        }
        if (out != null) {
            out.keys[layer] = k;
            out.values[layer] = v;
            out.length = (int) cols;
        }
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(hd)).add(mask).softmax(-1);
        NDArray ctx = att.matMul(v).transpose(0, 2, 1, 3).reshape(batch, cols, (long) heads * hd);
        x = x.add(linear(ctx, p + "attn.out"));
        return residualMlp(x, p + "ln2", p + "mlp.");
    }

    /** x + fc2(gelu(fc1(norm(x)))): the pre-LN MLP sub-layer of a decoder block, and of the vision MLP. */
    private NDArray residualMlp(NDArray x, String normName, String mlpPrefix) {
        NDArray f = linear(norm(x, normName), mlpPrefix + "fc1").getNDArrayInternal().gelu();
        return x.add(linear(f, mlpPrefix + "fc2"));
    }

    private NDArray linear(NDArray x, String prefix) {
        return x.getNDArrayInternal().linear(x, w.get(prefix + ".weight"), w.get(prefix + ".bias")).singletonOrThrow();
    }

    private NDArray norm(NDArray x, String prefix) {
        return x.getNDArrayInternal().layerNorm(x, new Shape(c.hiddenSize()), w.get(prefix + ".weight"),
                w.get(prefix + ".bias"), c.layerNormEps()).singletonOrThrow();
    }

    private static NDArray embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }
}
