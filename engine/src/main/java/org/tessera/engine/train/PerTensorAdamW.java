package org.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.NoGrad;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference AdamW: one chain of small ops per parameter tensor, exactly as the update is written down. Runs
 * train with {@link AdamW}, which computes the same numbers on flat buffers in a few large ops; this class stays as
 * its specification (the equivalence test compares the two bit for bit) and as the "before" of {@code bench model}.
 *
 * <p>Gradient arrays returned by {@code getGradient()} are handles owned by the parameter's manager; each is
 * attached to the step's sub-manager so its handle is released when the step ends (otherwise every step would
 * leak one handle per parameter).
 */
public final class PerTensorAdamW implements AdamWOptimizer {
    private final NDManager state;
    private final Map<String, NDArray> params;
    private final Map<String, NDArray> m = new LinkedHashMap<>();
    private final Map<String, NDArray> v = new LinkedHashMap<>();
    private final float beta1;
    private final float beta2;
    private final float eps;
    private final float weightDecay;
    private long steps;

    public PerTensorAdamW(Map<String, NDArray> params, float beta1, float beta2, float eps, float weightDecay) {
        this.params = params;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.weightDecay = weightDecay;
        NDArray any = params.values().iterator().next();
        this.state = any.getManager().newSubManager();
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            m.put(e.getKey(), state.zeros(e.getValue().getShape()));
            v.put(e.getKey(), state.zeros(e.getValue().getShape()));
        }
    }

    public static PerTensorAdamW standard(Map<String, NDArray> params, float weightDecay) {
        return new PerTensorAdamW(params, 0.9f, 0.999f, 1e-8f, weightDecay);
    }

    @Override
    public StepInfo step(float lr, float maxNorm) {
        // the update itself must not be recorded by autograd (and PyTorch refuses in-place ops on leaves otherwise)
        try (NoGrad ignored = NoGrad.enter(); NDManager s = state.newSubManager()) {
            Map<String, NDArray> grads = new LinkedHashMap<>();
            double sq = 0;
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                NDArray g = e.getValue().getGradient();
                g.attach(s);
                grads.put(e.getKey(), g);
                sq += g.square().sum().getFloat();
            }
            double norm = Math.sqrt(sq);
            if (!Double.isFinite(norm)) {
                AdamWOptimizer.zero(grads.values());
                return new StepInfo(norm, false);
            }
            float scale = maxNorm > 0 && norm > maxNorm ? (float) (maxNorm / (norm + 1e-6)) : 1f;
            steps++;
            double bc1 = 1 - Math.pow(beta1, steps);
            double bc2 = 1 - Math.pow(beta2, steps);
            float stepSize = (float) (lr * Math.sqrt(bc2) / bc1);
            for (Map.Entry<String, NDArray> e : params.entrySet()) {
                String name = e.getKey();
                NDArray p = e.getValue();
                NDArray g = grads.get(name);
                if (scale != 1f) {
                    g.muli(scale);
                }
                NDArray mi = m.get(name);
                NDArray vi = v.get(name);
                mi.muli(beta1).addi(g.mul(1 - beta1));
                vi.muli(beta2).addi(g.square().muli(1 - beta2));
                if (weightDecay > 0 && AdamWOptimizer.decays(name)) {
                    p.muli(1 - lr * weightDecay);
                }
                // results of ops called on state arrays belong to the state's manager: move them to the step's
                NDArray denom = vi.sqrt();
                denom.attach(s);
                denom.addi(eps * Math.sqrt(bc2));
                NDArray update = mi.div(denom);
                update.attach(s);
                p.subi(update.muli(stepSize));
            }
            AdamWOptimizer.zero(grads.values());
            return new StepInfo(norm, true);
        }
    }


    @Override
    public void zeroGradients() {
        AdamWOptimizer.clearGradients(params.values(), state);
    }

    @Override
    public long steps() {
        return steps;
    }

    @Override
    public Map<String, HostTensor> stateSnapshot() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        m.forEach((k, a) -> out.put("m." + k, new HostTensor(a.getShape().getShape(), a.toFloatArray())));
        v.forEach((k, a) -> out.put("v." + k, new HostTensor(a.getShape().getShape(), a.toFloatArray())));
        return out;
    }

    @Override
    public void restore(Map<String, HostTensor> snapshot, long stepCount) {
        for (String kind : List.of("m", "v")) {
            Map<String, NDArray> target = kind.equals("m") ? m : v;
            for (Map.Entry<String, NDArray> e : target.entrySet()) {
                HostTensor t = snapshot.get(kind + "." + e.getKey());
                if (t == null) {
                    throw new IllegalArgumentException("optimizer state lacks " + kind + "." + e.getKey());
                }
                e.getValue().set(t.data());
            }
        }
        this.steps = stepCount;
    }

    @Override
    public void close() {
        state.close();
    }
}
