package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Qwen2.5-VL's vision transformer: patch embedding (the Conv3d with stride = kernel is a matrix product over the
 * flattened patches), a 2-D rotary embedding (half of each head's frequencies for the patch row, half for the
 * column), pre-RMSNorm blocks with window attention (full attention in {@code fullatt_block_indexes}), SwiGLU MLPs,
 * and the merger (RMSNorm, 2 x 2 neighbouring patches concatenated, MLP with GELU) to the language model's width.
 *
 * <p>Images of the same grid run as one batch (group, patches, width). Windows are a block mask over the image's
 * patches reordered window by window, as the reference reorders them; the output is put back in raster order of
 * merged tokens.
 */
final class QwenVisionTower {
    private final QwenVlConfig c;
    private final QwenVlWeights w;

    QwenVisionTower(QwenVlConfig config, QwenVlWeights weights) {
        this.c = config;
        this.w = weights;
    }

    /** The layout of one grid: window order of merged tokens, masks and rotary tables (host values). */
    record GridPlan(int patches, long[] windowOrder, long[] inverseOrder, float[] windowMask, float[] cos,
                    float[] sin) {
    }

    GridPlan plan(int gridT, int gridH, int gridW) {
        int m = c.mergeSize();
        int unit = c.mergeUnit();
        int lh = gridH / m;
        int lw = gridW / m;
        int vws = c.windowSize() / m / c.patchSize();
        int tokens = gridT * lh * lw;
        // merged tokens window by window (row-major windows, row-major inside), as get_window_index orders them
        long[] order = new long[tokens];
        int[] windowOfToken = new int[tokens];
        int k = 0;
        int window = 0;
        for (int t = 0; t < gridT; t++) {
            for (int wh = 0; wh < (lh + vws - 1) / vws; wh++) {
                for (int ww = 0; ww < (lw + vws - 1) / vws; ww++) {
                    for (int r = wh * vws; r < Math.min(lh, wh * vws + vws); r++) {
                        for (int col = ww * vws; col < Math.min(lw, ww * vws + vws); col++) {
                            windowOfToken[k] = window;
                            order[k++] = (long) t * lh * lw + (long) r * lw + col;
                        }
                    }
                    window++;
                }
            }
        }
        long[] inverse = new long[tokens];
        for (int i = 0; i < tokens; i++) {
            inverse[(int) order[i]] = i;
        }
        int n = tokens * unit;
        float[] mask = new float[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                mask[i * n + j] = windowOfToken[i / unit] == windowOfToken[j / unit] ? 0f : QwenOps.MASKED;
            }
        }
        // rotary angles of each patch in the reordered sequence: (row * f_i ..., col * f_i ...), twice
        int hd = c.visionHeadDim();
        float[] inv = QwenOps.inverseFrequencies(hd / 2, 10000.0);
        float[] cos = new float[n * hd];
        float[] sin = new float[n * hd];
        int q = inv.length;
        for (int i = 0; i < n; i++) {
            int token = (int) order[i / unit];
            int within = i % unit;
            int rest = token % (lh * lw);
            int row = (rest / lw) * m + within / m;
            int col = (rest % lw) * m + within % m;
            for (int f = 0; f < q; f++) {
                float a = row * inv[f];
                float b = col * inv[f];
                for (int rep = 0; rep < 2; rep++) {
                    cos[i * hd + rep * 2 * q + f] = (float) Math.cos(a);
                    sin[i * hd + rep * 2 * q + f] = (float) Math.sin(a);
                    cos[i * hd + rep * 2 * q + q + f] = (float) Math.cos(b);
                    sin[i * hd + rep * 2 * q + q + f] = (float) Math.sin(b);
                }
            }
        }
        return new GridPlan(n, order, inverse, mask, cos, sin);
    }

    /**
     * Image embeddings (group, merged tokens, out hidden) of {@code group} images of one grid; {@code pixels} holds
     * their patches in the processor's order, image after image.
     */
    NDArray forward(NDManager m, float[] pixels, int group, int gridT, int gridH, int gridW) {
        GridPlan plan = plan(gridT, gridH, gridW);
        int n = plan.patches();
        int unit = c.mergeUnit();
        int vh = c.visionHidden();
        NDArray x = m.create(pixels, new Shape(group, n, c.patchDim()));
        NDArray patchW = w.get("visual.patch_embed.proj.weight");
        x = x.matMul(patchW.reshape(vh, c.patchDim()).transpose());
        // reorder merged tokens window by window (the units of `unit` patches stay together)
        NDArray order = m.create(plan.windowOrder());
        x = x.reshape(group, n / unit, unit, vh).get(new ai.djl.ndarray.index.NDIndex(":, {}", order))
                .reshape(group, n, vh);
        NDArray cos = m.create(plan.cos(), new Shape(1, 1, n, c.visionHeadDim()));
        NDArray sin = m.create(plan.sin(), new Shape(1, 1, n, c.visionHeadDim()));
        NDArray windowMask = m.create(plan.windowMask(), new Shape(1, 1, n, n));
        List<Integer> full = new ArrayList<>();
        Arrays.stream(c.fullAttentionBlocks()).forEach(full::add);
        for (int b = 0; b < c.visionDepth(); b++) {
            int block = b;
            x = QwenOps.scoped(x, true, (in, parent) -> block(in, block, cos, sin,
                    full.contains(block) ? null : windowMask));
        }
        String p = "visual.merger.";
        NDArray h = QwenOps.rmsNorm(x, w.get(p + "ln_q.weight"), 1e-6).reshape(group, n / unit, (long) vh * unit);
        h = QwenOps.linear(h, w.get(p + "mlp.0.weight"), w.get(p + "mlp.0.bias"));
        h = h.getNDArrayInternal().gelu();
        h = QwenOps.linear(h, w.get(p + "mlp.2.weight"), w.get(p + "mlp.2.bias"));
        NDArray inverse = m.create(plan.inverseOrder());
        return h.get(new ai.djl.ndarray.index.NDIndex(":, {}", inverse));
    }

    private NDArray block(NDArray x, int b, NDArray cos, NDArray sin, NDArray mask) {
        String p = "visual.blocks." + b + ".";
        long g = x.getShape().get(0);
        long n = x.getShape().get(1);
        int heads = c.visionHeads();
        int hd = c.visionHeadDim();
        NDArray h = QwenOps.rmsNorm(x, w.get(p + "norm1.weight"), 1e-6);
        NDArray qkv = QwenOps.linear(h, w.get(p + "attn.qkv.weight"), w.get(p + "attn.qkv.bias"))
                .reshape(g, n, 3, heads, hd).transpose(2, 0, 3, 1, 4);
        NDList parts = qkv.split(3, 0);
        NDArray q = QwenOps.rotary(parts.get(0).squeeze(0), cos, sin);
        NDArray k = QwenOps.rotary(parts.get(1).squeeze(0), cos, sin);
        NDArray v = parts.get(2).squeeze(0);
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(1.0 / Math.sqrt(hd));
        if (mask != null) {
            att = att.add(mask);
        }
        NDArray ctx = att.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(g, n, (long) heads * hd);
        x = x.add(QwenOps.linear(ctx, w.get(p + "attn.proj.weight"), w.get(p + "attn.proj.bias")));
        NDArray f = QwenOps.rmsNorm(x, w.get(p + "norm2.weight"), 1e-6);
        return x.add(QwenOps.swiGlu(f, w.get(p + "mlp.gate_proj.weight"), w.get(p + "mlp.gate_proj.bias"),
                w.get(p + "mlp.up_proj.weight"), w.get(p + "mlp.up_proj.bias"), w.get(p + "mlp.down_proj.weight"),
                w.get(p + "mlp.down_proj.bias")));
    }
}
