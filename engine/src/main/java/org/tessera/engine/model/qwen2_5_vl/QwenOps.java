package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The small operations both towers share, written so that every op is called on an activation (which lives in the
 * caller's per-step manager), never on a parameter: a result belongs to the manager of the array it is called on.
 */
final class QwenOps {
    /** Additive mask value: exp underflows to exactly 0, and a row with every key masked stays finite. */
    static final float MASKED = -1e9f;

    private QwenOps() {
    }

    /**
     * Runs one layer with its intermediates in a sub-manager that is closed when the layer returns; the layer's
     * result moves to {@code x}'s manager. DJL frees an array only when its manager closes, so without this a
     * forward pass holds every intermediate of every layer until it ends: prefilling 64 prompts on a 3B model
     * filled an H200's 140 GB. Autograd keeps what a backward pass needs by its own references, so training is
     * unaffected. {@code freeInput}: {@code x} is the previous layer's output (freed with this layer); otherwise
     * it is the caller's and goes back to its manager.
     */
    static NDArray scoped(NDArray x, boolean freeInput, java.util.function.BiFunction<NDArray, NDManager, NDArray> layer) {
        NDManager parent = x.getManager();
        try (NDManager lm = parent.newSubManager()) {
            if (freeInput) {
                x.attach(lm);
            } else {
                x.tempAttach(lm);
            }
            NDArray out = layer.apply(x, parent);
            out.attach(parent);
            return out;
        }
    }

    static NDArray linear(NDArray x, NDArray weight, NDArray bias) {
        return x.getNDArrayInternal().linear(x, weight, bias).singletonOrThrow();
    }

    /** RMSNorm: x / sqrt(mean(x^2) + eps) * weight. */
    static NDArray rmsNorm(NDArray x, NDArray weight, double eps) {
        NDArray ms = x.square().mean(new int[] {-1}, true);
        return x.div(ms.add(eps).sqrt()).mul(weight);
    }

    /** SwiGLU: down(silu(gate(x)) * up(x)). */
    static NDArray swiGlu(NDArray x, NDArray gateW, NDArray gateB, NDArray upW, NDArray upB, NDArray downW,
                          NDArray downB) {
        NDArray g = linear(x, gateW, gateB);
        NDArray act = g.getNDArrayInternal().swish(1f);
        return linear(act.mul(linear(x, upW, upB)), downW, downB);
    }

    /** (x1, x2) -> (-x2, x1) over the last axis, the rotation partner of rotary embeddings. */
    static NDArray rotateHalf(NDArray x) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        return NDArrays.concat(new NDList(halves.get(1).neg(), halves.get(0)), last);
    }

    /** x * cos + rotateHalf(x) * sin. */
    static NDArray rotary(NDArray x, NDArray cos, NDArray sin) {
        return x.mul(cos).add(rotateHalf(x).mul(sin));
    }

    static NDArray embedding(NDArray ids, NDArray table) {
        return ids.getNDArrayInternal().embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** Inverse frequencies 1 / theta^(2i / dim), i < dim / 2, in float32 as the reference computes them. */
    static float[] inverseFrequencies(int dim, double theta) {
        float[] f = new float[dim / 2];
        for (int i = 0; i < f.length; i++) {
            float exponent = (float) (2 * i) / dim;
            f[i] = (float) (1.0 / Math.pow((float) theta, exponent));
        }
        return f;
    }
}
