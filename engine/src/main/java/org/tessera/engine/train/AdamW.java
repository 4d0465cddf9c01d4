package org.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.NoGrad;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW on flat buffers: the parameters are grouped, in their fixed order, into buckets of millions of values;
 * each bucket keeps its moments and a copy of its gradients in flat arrays and updates all its parameters with one
 * chain of about a dozen large ops, in place in two preallocated scratch buffers (only the square root allocates).
 * The per-tensor form ({@link PerTensorAdamW}) launched some 16 small ops and one device-to-host read per
 * parameter, which dominated a training step on a GPU (32-36 ms of 56-64 ms for the tiny model on an H200,
 * docs/gpu.md).
 *
 * <p>On a CPU the moment and weight update is not a DJL op chain but {@link HostUpdate}: two passes in Java over
 * the tensors' own memory and one square root, because there the dozen ops each stream the bucket through memory
 * and pay a per-op cost per parameter tensor, which left the flat form only 1.15x faster than the per-tensor one on
 * a 2-core machine. The gradients are then read where they are (no flat copy) and cleared by a product with 0.
 *
 * <p>Every element goes through the same float operations in the same order as in {@link PerTensorAdamW}, so the
 * two give bit-identical weights and moments ({@code AdamWTest}); the gradient norm is summed per tensor, as
 * before, and read back in one transfer. Memory: the moments, one flat copy of the gradients, and two scratch
 * buffers of one bucket. Checkpointed state keeps the per-tensor names ({@code m.<param>}, {@code v.<param>}), so
 * checkpoints written by either implementation resume with the other.
 */
public final class AdamW implements AdamWOptimizer {
    /**
     * Values per bucket: each bucket costs a dozen ops whatever its size, so larger is better as long as the flat
     * temporaries stay small next to the device's memory. 64 Mi floats (256 MiB) on a GPU; 4 Mi floats (16 MiB)
     * on a CPU. The tiny model (2.4 M values) is one bucket on either. {@code tessera.adamw.bucket} overrides
     * (benchmarks); any size gives the same numbers.
     */
    static final long GPU_BUCKET_ELEMENTS = 1L << 26;
    static final long CPU_BUCKET_ELEMENTS = 1L << 22;

    private final NDManager state;
    private final List<Bucket> buckets = new ArrayList<>();
    private final List<NDArray> params;
    private final NDArray a;   // scratch: squares, then the moment terms
    private final NDArray b;   // scratch: the update
    private static final NDIndex ALL = new NDIndex("...");
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private long steps;

    /** One group of consecutive parameters and its flat moments. */
    private static final class Bucket {
        final List<String> names = new ArrayList<>();
        final List<NDArray> params = new ArrayList<>();
        final List<Long> offsets = new ArrayList<>(); // start of each parameter in the flat buffers
        long size;
        NDArray m;
        NDArray v;
        NDArray g;            // the gradients, copied in at each step (DJL chain only)
        final List<Boolean> decays = new ArrayList<>();
        HostUpdate host;      // on a CPU: the update as one pass in Java over the tensors' own memory

        void add(String name, NDArray p) {
            names.add(name);
            params.add(p);
            decays.add(AdamWOptimizer.decays(name));
            offsets.add(size);
            size += p.size();
        }

        NDIndex range(int i) {
            long start = offsets.get(i);
            return new NDIndex("{}:{}", start, start + params.get(i).size());
        }

        NDArray slice(NDArray flat, int i) {
            long start = offsets.get(i);
            NDArray p = params.get(i);
            return flat.get(new NDIndex("{}:{}", start, start + p.size())).reshape(p.getShape());
        }
    }

    public AdamW(Map<String, NDArray> params, float beta1, float beta2, float eps, float weightDecay) {
        this(params, beta1, beta2, eps, weightDecay, Long.getLong("tessera.adamw.bucket",
                onGpu(params) ? GPU_BUCKET_ELEMENTS : CPU_BUCKET_ELEMENTS), !onGpu(params));
    }

    private static boolean onGpu(Map<String, NDArray> params) {
        return params.values().iterator().next().getDevice().isGpu();
    }

    /** {@code hostUpdate}: the moment and weight update as one pass in Java (CPU tensors only), else as DJL ops. */
    AdamW(Map<String, NDArray> params, float beta1, float beta2, float eps, float weightDecay, long bucketElements,
          boolean hostUpdate) {
        this.params = List.copyOf(params.values());
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        NDArray any = params.values().iterator().next();
        this.state = any.getManager().newSubManager();
        Bucket current = null;
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            long n = e.getValue().size();
            if (current == null || (current.size > 0 && current.size + n > bucketElements)) {
                current = new Bucket();
                buckets.add(current);
            }
            current.add(e.getKey(), e.getValue());
        }
        long largest = 0;
        for (Bucket b : buckets) {
            b.m = state.zeros(new Shape(b.size));
            b.v = state.zeros(new Shape(b.size));
            if (hostUpdate) {
                b.host = HostUpdate.of(b.m, b.v, b.params, b.offsets, b.decays, beta1, beta2, eps, weightDecay);
            }
            if (b.host == null) {
                b.g = state.zeros(new Shape(b.size));
            }
            largest = Math.max(largest, b.size);
        }
        this.a = state.zeros(new Shape(largest));
        this.b = state.zeros(new Shape(largest));
    }

    public static AdamW standard(Map<String, NDArray> params, float weightDecay) {
        return new AdamW(params, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    @Override
    public StepInfo step(float lr, float maxNorm) {
        // the update itself must not be recorded by autograd (and PyTorch refuses in-place ops on leaves otherwise)
        try (NoGrad ignored = NoGrad.enter(); NDManager s = state.newSubManager()) {
            List<NDArray> grads = new ArrayList<>(params.size());
            for (NDArray p : params) {
                NDArray g = p.getGradient();
                g.attach(s);
                grads.add(g);
            }
            // each bucket's gradients copied into its flat buffer; each tensor's sum of squares from a slice
            NDList squares = new NDList(params.size());
            int k = 0;
            for (Bucket b : buckets) {
                if (b.host != null) {
                    // the Java update reads the gradients where they are: no flat copy to square
                    for (int i = 0; i < b.params.size(); i++) {
                        squares.add(grads.get(k + i).square().sum());
                    }
                } else {
                    for (int i = 0; i < b.params.size(); i++) {
                        b.g.set(b.range(i), grads.get(k + i).reshape(-1));
                    }
                    NDArray g2 = scratch(a, b, s);
                    g2.set(ALL, b.g);
                    g2.muli(g2); // x * x: what square() computes
                    for (int i = 0; i < b.params.size(); i++) {
                        squares.add(b.slice(g2, i).sum());
                    }
                }
                k += b.params.size();
            }
            // one device-to-host read; summed in double in parameter order, as the per-tensor reference does
            float[] perTensor = NDArrays.stack(squares).toFloatArray();
            double sq = 0;
            for (float x : perTensor) {
                sq += x;
            }
            double norm = Math.sqrt(sq);
            if (!Double.isFinite(norm)) {
                AdamWOptimizer.zero(grads);
                return new StepInfo(norm, false);
            }
            float scale = maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
            steps++;
            double bc1 = 1 - Math.pow(beta1, steps);
            double bc2 = 1 - Math.pow(beta2, steps);
            float stepSize = (float) (lr * Math.sqrt(bc2) / bc1);
            k = 0;
            for (Bucket b : buckets) {
                List<NDArray> bucketGrads = grads.subList(k, k + b.params.size());
                k += b.params.size();
                if (b.host != null) {
                    try (NDManager bs = s.newSubManager()) {
                        b.host.update(bucketGrads, lr, scale, bc2, stepSize, b.v, bs);
                    }
                } else {
                    try (NDManager bs = s.newSubManager()) {
                        update(b, bs, lr, scale, bc2, stepSize);
                    }
                }
            }
            // the norm is finite, so every gradient is: a product with 0 clears them (cheaper than a fill)
            for (NDArray g : grads) {
                g.muli(0f);
            }
            return new StepInfo(norm, true);
        }
    }

    /**
     * The reference's per-tensor chain, applied to a whole bucket at once: the same float operations with the same
     * scalars in the same order, written in place into preallocated scratch buffers (fresh megabyte-sized arrays
     * cost page faults on every step on a CPU); only the square root allocates, as DJL has no in-place form.
     */
    private void update(Bucket b, NDManager s, float lr, float scale, double bc2, float stepSize) {
        if (scale != 1f) {
            b.g.muli(scale);
        }
        NDArray t = scratch(a, b, s);
        t.set(ALL, b.g);
        b.m.muli(beta1).addi(t.muli(1 - beta1));               // m = m * b1 + g * (1 - b1)
        t.set(ALL, b.g);
        b.v.muli(beta2).addi(t.muli(t).muli(1 - beta2));       // v = v * b2 + g * g * (1 - b2)
        NDArray denom = b.v.sqrt();
        denom.attach(s);
        denom.addi(eps * Math.sqrt(bc2));
        NDArray update = scratch(this.b, b, s);
        update.set(ALL, b.m);
        update.divi(denom).muli(stepSize);                     // m / denom * step size
        // decay and update each parameter in place: a flat copy of the parameters would cost two more passes
        for (int i = 0; i < b.params.size(); i++) {
            NDArray p = b.params.get(i);
            if (weightDecay > 0 && b.decays.get(i)) {
                p.muli(1 - lr * weightDecay);
            }
            p.subi(b.slice(update, i));
        }
    }

    /** The first {@code b.size} values of a shared scratch buffer, as a view owned by {@code s}. */
    private static NDArray scratch(NDArray buffer, Bucket b, NDManager s) {
        NDArray view = buffer.get(new NDIndex("0:{}", b.size));
        view.attach(s);
        return view;
    }

    @Override
    public void zeroGradients() {
        AdamWOptimizer.clearGradients(params, state);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public Map<String, HostTensor> stateSnapshot() {
        Map<String, HostTensor> m = new LinkedHashMap<>();
        Map<String, HostTensor> v = new LinkedHashMap<>();
        for (Bucket b : buckets) {
            float[] mAll = b.m.toFloatArray();
            float[] vAll = b.v.toFloatArray();
            for (int i = 0; i < b.names.size(); i++) {
                int start = Math.toIntExact(b.offsets.get(i));
                int n = Math.toIntExact(b.params.get(i).size());
                long[] shape = b.params.get(i).getShape().getShape();
                m.put("m." + b.names.get(i), new HostTensor(shape, java.util.Arrays.copyOfRange(mAll, start, start + n)));
                v.put("v." + b.names.get(i), new HostTensor(shape, java.util.Arrays.copyOfRange(vAll, start, start + n)));
            }
        }
        Map<String, HostTensor> out = new LinkedHashMap<>(m);
        out.putAll(v);
        return out;
    }

    @Override
    public void restore(Map<String, HostTensor> snapshot, long stepCount) {
        for (Bucket b : buckets) {
            for (String kind : List.of("m", "v")) {
                float[] all = new float[Math.toIntExact(b.size)];
                for (int i = 0; i < b.names.size(); i++) {
                    HostTensor t = snapshot.get(kind + "." + b.names.get(i));
                    if (t == null) {
                        throw new IllegalArgumentException("optimizer state lacks " + kind + "." + b.names.get(i));
                    }
                    if (t.size() != b.params.get(i).size()) {
                        throw new IllegalArgumentException("optimizer state " + kind + "." + b.names.get(i) + " has "
                                + t.size() + " values, the parameter " + b.params.get(i).size());
                    }
                    System.arraycopy(t.data(), 0, all, Math.toIntExact(b.offsets.get(i)), t.data().length);
                }
                (kind.equals("m") ? b.m : b.v).set(all);
            }
        }
        this.steps = stepCount;
    }

    @Override
    public void close() {
        state.close();
    }
}
