package org.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * AdamW's moment and weight update for one bucket of CPU tensors, as one pass in Java over the tensors' own memory
 * (DJL's direct buffers: no copies). On a CPU the dozen large ops of {@link AdamW}'s DJL chain each stream the
 * whole bucket through memory again, so a 2-core machine, bound by memory bandwidth, gained little from them
 * (1.15x, docs/performance.md); here two passes and one square root read and write each array about twice.
 *
 * <p>Per element it computes the same float operations, with the same scalars and in the same order, as
 * {@link PerTensorAdamW}'s chain (Java float arithmetic is IEEE single precision without fused multiply-adds; the
 * square root stays a PyTorch op), so the results stay bit-identical to it ({@code AdamWTest}).
 */
final class HostUpdate {
    /** Elements per parallel chunk: large enough that scheduling costs nothing next to the work. */
    private static final int CHUNK = 1 << 16;

    private final FloatBuffer m;
    private final FloatBuffer v;
    private final List<FloatBuffer> params;
    private final int[] offsets;
    private final boolean[] decays;
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;

    private HostUpdate(FloatBuffer m, FloatBuffer v, List<FloatBuffer> params, int[] offsets,
                       boolean[] decays, float beta1, float beta2, float eps, float weightDecay) {
        this.m = m;
        this.v = v;
        this.params = params;
        this.offsets = offsets;
        this.decays = decays;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
    }

    /**
     * The host update over these tensors, or null when one of them cannot be written through a direct buffer (DJL
     * hands out a copy of a tensor that is not contiguous: writing there would silently lose the update; a test
     * write through each buffer, read back through DJL, tells).
     */
    static HostUpdate of(NDArray m, NDArray v, List<NDArray> params, List<Long> offsets,
                         List<Boolean> decays, float beta1, float beta2, float eps, float weightDecay) {
        FloatBuffer mb = view(m);
        FloatBuffer vb = view(v);
        List<FloatBuffer> pb = new ArrayList<>(params.size());
        for (NDArray p : params) {
            pb.add(view(p));
        }
        if (mb == null || vb == null || pb.contains(null)) {
            return null;
        }
        int[] off = new int[offsets.size()];
        boolean[] dec = new boolean[decays.size()];
        for (int i = 0; i < off.length; i++) {
            off[i] = Math.toIntExact(offsets.get(i));
            dec[i] = decays.get(i);
        }
        return new HostUpdate(mb, vb, pb, off, dec, beta1, beta2, eps, weightDecay);
    }

    /** A float view of the tensor's own memory, or null if DJL cannot give one that writes through. */
    private static FloatBuffer view(NDArray t) {
        if (t.size() == 0 || t.size() > Integer.MAX_VALUE) {
            return null;
        }
        FloatBuffer b;
        try {
            b = t.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        } catch (RuntimeException e) { // sparse or MKL-DNN layouts
            return null;
        }
        if (b.capacity() != t.size()) {
            return null;
        }
        float old = b.get(0);
        float probe = old == 1f ? 2f : 1f;
        b.put(0, probe);
        boolean aliased;
        try (NDManager s = t.getManager().newSubManager()) {
            NDArray first = t.flatten().get(0);
            first.attach(s);
            aliased = first.getFloat() == probe;
        }
        b.put(0, old);
        return aliased ? b : null;
    }

    /**
     * One step's update, with the clipping scale and bias corrections of {@link AdamW#step}: the moments in one pass,
     * their square root as one DJL op (PyTorch's vectorised float square root is not always the correctly rounded
     * one Java computes, and the numbers must stay those of the reference), then the weights in a second pass.
     *
     * @param grads   the bucket's gradients, in parameter order
     * @param vTensor the tensor whose memory {@link #v} views
     * @param s       owns the square root's temporary
     */
    void update(List<NDArray> grads, float lr, float scale, double bc2, float stepSize, NDArray vTensor,
                NDManager s) {
        // the scalars exactly as the DJL chain forms them (a double scalar reaches a float tensor rounded to float)
        float oneMinusBeta1 = 1 - beta1;
        float oneMinusBeta2 = 1 - beta2;
        float epsTerm = (float) (eps * Math.sqrt(bc2));
        float decay = 1 - lr * weightDecay;
        for (int i = 0; i < params.size(); i++) {
            // only read: where DJL hands out a contiguous copy of a gradient, the copy holds the same values
            FloatBuffer g = grads.get(i).toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
            int off = offsets[i];
            chunks(g.capacity(), (from, to) -> {
                for (int j = from; j < to; j++) {
                    int k = off + j;
                    float gk = g.get(j);
                    if (scale != 1f) {
                        gk = gk * scale;
                    }
                    m.put(k, m.get(k) * beta1 + gk * oneMinusBeta1);
                    v.put(k, v.get(k) * beta2 + gk * gk * oneMinusBeta2);
                }
            });
        }
        NDArray root = vTensor.sqrt();
        root.attach(s);
        FloatBuffer sqrt = root.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (int i = 0; i < params.size(); i++) {
            FloatBuffer p = params.get(i);
            boolean decayed = weightDecay > 0 && decays[i];
            int off = offsets[i];
            chunks(p.capacity(), (from, to) -> {
                for (int j = from; j < to; j++) {
                    int k = off + j;
                    float update = m.get(k) / (sqrt.get(k) + epsTerm) * stepSize;
                    float w = p.get(j);
                    if (decayed) {
                        w = w * decay;
                    }
                    p.put(j, w - update);
                }
            });
        }
    }

    private interface Range {
        void run(int from, int to);
    }

    /** Runs {@code body} over [0, n) in chunks, in parallel when there is more than one. */
    private static void chunks(int n, Range body) {
        int count = (n + CHUNK - 1) / CHUNK;
        if (count <= 1) {
            body.run(0, n);
            return;
        }
        IntStream.range(0, count).parallel().forEach(c -> body.run(c * CHUNK, Math.min(n, (c + 1) * CHUNK)));
    }
}
