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
 * AdamW on flat buffers: the parameters are grouped, in their fixed order, into buckets of at most
 * a few hundred thousand (CPU) or tens of millions (GPU) values; each bucket keeps its moments in two flat arrays and updates all its parameters
 * with one chain of about a dozen large ops. The per-tensor form ({@link PerTensorAdamW}) launched some 16 small ops
 * and one device-to-host read per parameter, which dominated a training step on a GPU (32-36 ms of 56-64 ms for the
 * tiny model on an H200, docs/gpu.md) and cost a fifth of a CPU step.
 *
 * <p>Every element goes through the same float operations in the same order as in {@link PerTensorAdamW}, so the
 * two give bit-identical weights and moments on the CPU ({@code AdamWTest}); the gradient norm is summed per
 * tensor, as before, and read back in one transfer. Buckets bound the flat temporaries (gradients, parameters,
 * update: each the bucket's size), so a model of billions of parameters needs no copy of itself in scratch memory.
 * Checkpointed state keeps the per-tensor names ({@code m.<param>}, {@code v.<param>}), so checkpoints written by
 * either implementation resume with the other.
 */
public final class AdamW implements AdamWOptimizer {
    /**
     * Values per bucket. On a GPU every op is a kernel launch, so buckets are large (64 Mi floats, 256 MiB: the tiny
     * model is one bucket). On a CPU an op over a bucket that fits in the cache costs less than one that streams
     * from memory, and on 2 cores large ops were slower than the per-tensor chain they replace: 256 Ki floats (1 MiB).
     */
    static final long GPU_BUCKET_ELEMENTS = 1L << 26;
    static final long CPU_BUCKET_ELEMENTS = 1L << 18;

    private final NDManager state;
    private final List<Bucket> buckets = new ArrayList<>();
    private final List<NDArray> params;
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
        final List<Boolean> decays = new ArrayList<>();

        void add(String name, NDArray p) {
            names.add(name);
            params.add(p);
            decays.add(AdamWOptimizer.decays(name));
            offsets.add(size);
            size += p.size();
        }

        NDArray slice(NDArray flat, int i) {
            long start = offsets.get(i);
            NDArray p = params.get(i);
            return flat.get(new NDIndex("{}:{}", start, start + p.size())).reshape(p.getShape());
        }
    }

    public AdamW(Map<String, NDArray> params, float beta1, float beta2, float eps, float weightDecay) {
        this(params, beta1, beta2, eps, weightDecay, Long.getLong("tessera.adamw.bucket",
                params.values().iterator().next().getDevice().isGpu() ? GPU_BUCKET_ELEMENTS : CPU_BUCKET_ELEMENTS));
    }

    AdamW(Map<String, NDArray> params, float beta1, float beta2, float eps, float weightDecay, long bucketElements) {
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
        for (Bucket b : buckets) {
            b.m = state.zeros(new Shape(b.size));
            b.v = state.zeros(new Shape(b.size));
        }
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
            // each bucket's gradients in one flat array, and the sum of squares of each tensor from its slice
            List<NDArray> flatGrads = new ArrayList<>(buckets.size());
            NDList squares = new NDList(params.size());
            int k = 0;
            for (Bucket b : buckets) {
                NDArray g = flat(grads.subList(k, k + b.params.size()), s);
                flatGrads.add(g);
                NDArray g2 = g.square();
                g2.attach(s);
                for (int i = 0; i < b.params.size(); i++) {
                    squares.add(b.slice(g2, i).sum());
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
                zero(grads);
                return new StepInfo(norm, false);
            }
            float scale = maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
            steps++;
            double bc1 = 1 - Math.pow(beta1, steps);
            double bc2 = 1 - Math.pow(beta2, steps);
            float stepSize = (float) (lr * Math.sqrt(bc2) / bc1);
            for (int i = 0; i < buckets.size(); i++) {
                try (NDManager bs = s.newSubManager()) {
                    update(buckets.get(i), flatGrads.get(i), bs, lr, scale, bc2, stepSize);
                }
            }
            zero(grads);
            return new StepInfo(norm, true);
        }
    }

    /** The reference's per-tensor chain, applied to a whole bucket at once (same ops, same scalars, same order). */
    private void update(Bucket b, NDArray g, NDManager s, float lr, float scale, double bc2, float stepSize) {
        if (scale != 1f) {
            g.muli(scale);
        }
        // results of ops called on state arrays belong to the state's manager: move them to the step's
        b.m.muli(beta1).addi(g.mul(1 - beta1));
        b.v.muli(beta2).addi(g.square().muli(1 - beta2));
        NDArray denom = b.v.sqrt();
        denom.attach(s);
        denom.addi(eps * Math.sqrt(bc2));
        NDArray update = b.m.div(denom);
        update.attach(s);
        update.muli(stepSize);
        // decay and update each parameter in place: a flat copy of the parameters would cost two more passes
        for (int i = 0; i < b.params.size(); i++) {
            NDArray p = b.params.get(i);
            if (weightDecay > 0 && b.decays.get(i)) {
                p.muli(1 - lr * weightDecay);
            }
            p.subi(b.slice(update, i));
        }
    }

    /** The arrays concatenated into one flat array owned by {@code s} (one copy kernel). */
    private static NDArray flat(List<NDArray> arrays, NDManager s) {
        NDList views = new NDList(arrays.size());
        for (NDArray a : arrays) {
            NDArray view = a.reshape(-1);
            view.attach(s);
            views.add(view);
        }
        NDArray out = views.size() == 1 ? views.get(0).duplicate() : NDArrays.concat(views);
        out.attach(s);
        return out;
    }

    private static void zero(Iterable<NDArray> grads) {
        for (NDArray g : grads) {
            g.set(new NDIndex("..."), 0); // a fill, so a NaN gradient is cleared too (NaN * 0 stays NaN)
        }
    }

    @Override
    public void zeroGradients() {
        try (NoGrad ignored = NoGrad.enter(); NDManager s = state.newSubManager()) {
            for (NDArray p : params) {
                NDArray g = p.getGradient();
                g.attach(s);
                g.set(new NDIndex("..."), 0);
            }
        }
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
