package org.tessera.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.NoGrad;

import java.util.Map;

/**
 * AdamW (decoupled weight decay) with global-norm gradient clipping, written with in-place NDArray ops so its state
 * (first and second moments, step count) can be saved with a checkpoint and a resumed run continues exactly. DJL's
 * own optimisers clip element-wise and keep their state private, hence our own. Two implementations compute the same
 * numbers: {@link AdamW} (flat buffers, what runs use) and {@link PerTensorAdamW} (the per-tensor reference).
 */
public interface AdamWOptimizer extends AutoCloseable {

    /** The outcome of one update: the gradient's global norm before clipping. */
    record StepInfo(double gradNorm, boolean applied) {
    }

    /**
     * Clips the accumulated gradients to {@code maxNorm} (global L2 norm; &lt;= 0 disables) and applies one AdamW
     * update with learning rate {@code lr}; gradients are zeroed afterwards. When the norm is not finite nothing is
     * applied (the caller fails the run) and the gradients are zeroed.
     */
    StepInfo step(float lr, float maxNorm);

    /** Clears accumulated gradients without updating (e.g. after a failed step). */
    void zeroGradients();

    long steps();

    /** Moments as host tensors named {@code m.<param>} / {@code v.<param>} (for optimizer.safetensors). */
    Map<String, HostTensor> stateSnapshot();

    void restore(Map<String, HostTensor> snapshot, long stepCount);

    @Override
    void close();

    /** Fills every gradient with 0: a fill, so a NaN gradient is cleared too (NaN * 0 stays NaN). */
    static void zero(Iterable<NDArray> grads) {
        for (NDArray g : grads) {
            g.set(new NDIndex("..."), 0);
        }
    }

    /**
     * Clears the gradients of {@code params}. The gradient handles {@code getGradient()} returns belong to the
     * parameter's manager; they are attached to a sub-manager of {@code state}, so they are released here.
     */
    static void clearGradients(Iterable<NDArray> params, NDManager state) {
        try (NoGrad ignored = NoGrad.enter(); NDManager s = state.newSubManager()) {
            for (NDArray p : params) {
                NDArray g = p.getGradient();
                g.attach(s);
                g.set(new NDIndex("..."), 0);
            }
        }
    }

    /** Biases, norm gains and embeddings of positions are not decayed (the usual GPT practice). */
    static boolean decays(String name) {
        return !(name.endsWith(".bias") || name.contains("norm") || name.contains("ln") || name.contains("pos"));
    }
}
