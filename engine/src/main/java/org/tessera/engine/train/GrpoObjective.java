package org.tessera.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * The GRPO objective (DeepSeekMath; TRL's formulation): group-relative advantages, a PPO-style clipped ratio per
 * token, and a KL penalty to a frozen reference with the k3 estimator exp(ref - logp) - (ref - logp) - 1 (always
 * >= 0, exactly 0 when policy = reference).
 *
 * <p>Variants: {@code grpo} normalises advantages by the group's standard deviation (unbiased, as torch.std) and
 * averages each sequence's tokens before averaging sequences; {@code dr_grpo} (Dr. GRPO) drops the std
 * normalisation and divides the summed token objective by a constant (rows x max completion length), removing
 * the length and difficulty biases.
 */
public final class GrpoObjective {
    public enum Variant { GRPO, DR_GRPO }

    private GrpoObjective() {
    }

    /** Advantages of one group's rewards; all-equal rewards give all zeros (no learning signal). */
    public static double[] advantages(double[] rewards, Variant variant) {
        int n = rewards.length;
        double mean = 0;
        for (double r : rewards) {
            mean += r;
        }
        mean /= n;
        double var = 0;
        for (double r : rewards) {
            var += (r - mean) * (r - mean);
        }
        double std = n > 1 ? Math.sqrt(var / (n - 1)) : 0;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rewards[i] - mean;
            if (variant == Variant.GRPO) {
                a[i] /= std + 1e-4;
            }
        }
        return a;
    }

    /** Standard deviation of the rewards is zero: the group teaches nothing (reported as zero-spread groups). */
    public static boolean zeroSpread(double[] rewards) {
        for (double r : rewards) {
            if (r != rewards[0]) {
                return false;
            }
        }
        return true;
    }

    /** The scalar loss to minimise and its parts (means over completion tokens) for logging. */
    public record Terms(NDArray loss, NDArray kl, NDArray clippedFraction) {
    }

    /**
     * @param logp       policy log-probs (rows, cols), differentiable
     * @param oldLogp    log-probs of the policy that sampled (rows, cols), no gradient
     * @param refLogp    reference-model log-probs (rows, cols), no gradient; null when beta = 0
     * @param mask       1 on completion tokens (rows, cols)
     * @param advantages per row (rows, 1)
     */
    public static Terms loss(NDArray logp, NDArray oldLogp, NDArray refLogp, NDArray mask, NDArray advantages,
                             float clipEps, float beta, Variant variant, int maxCompletionLength) {
        NDArray ratio = logp.sub(oldLogp).exp();
        NDArray unclipped = ratio.mul(advantages);
        NDArray clipped = ratio.clip(1 - clipEps, 1 + clipEps).mul(advantages);
        NDArray objective = unclipped.minimum(clipped);
        NDArray kl;
        if (refLogp != null && beta > 0) {
            NDArray diff = refLogp.sub(logp);
            kl = diff.exp().sub(diff).sub(1);
            objective = objective.sub(kl.mul(beta));
        } else {
            kl = logp.zerosLike();
        }
        NDArray tokenCount = mask.sum();
        NDArray loss;
        if (variant == Variant.GRPO) {
            NDArray perRow = objective.mul(mask).sum(new int[] {1}).div(mask.sum(new int[] {1}).maximum(1f));
            loss = perRow.mean().neg();
        } else {
            long rows = logp.getShape().get(0);
            loss = objective.mul(mask).sum().div((float) rows * Math.max(1, maxCompletionLength)).neg();
        }
        NDArray klMean = kl.mul(mask).sum().div(tokenCount.maximum(1f));
        NDArray isClipped = ratio.sub(1).abs().gt(clipEps).toType(ai.djl.ndarray.types.DataType.FLOAT32, false);
        NDArray clipFrac = isClipped.mul(mask).sum().div(tokenCount.maximum(1f));
        return new Terms(loss, klMean, clipFrac);
    }
}
