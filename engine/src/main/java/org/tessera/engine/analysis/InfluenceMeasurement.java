package org.tessera.engine.analysis;

/**
 * The influence of one training sample u on each probe v of a probe set.
 *
 * @param logProb       log p(u) under the unmoved weights
 * @param gradNorm      ||grad log p(u)||
 * @param residualNorm  ||e_y - softmax(z)|| of u over its scored tokens (see {@link LogProbModel#logitResidualNorms})
 * @param eta           the SGD step size
 * @param firstOrder    eta * grad log p(v) . grad log p(u) for each probe
 * @param actual        log p_after(v) - log p_before(v) after the step, or null when not measured
 * @param seconds       wall time of this measurement
 */
public record InfluenceMeasurement(double logProb, double gradNorm, double residualNorm, double eta,
                                   double[] firstOrder, double[] actual, double seconds) {

    /** The measured change where available, else the first-order estimate. */
    public double[] best() {
        return actual != null ? actual : firstOrder;
    }

    /**
     * |Delta(v,u)| / (eta * ||grad log p(u)||) for each probe: how far log p(v) moves per unit of parameter
     * movement spent on u. It removes the trivial effect of u's own gradient size (longer completions have bigger
     * gradients) and equals |grad log p(v) . unit(grad log p(u))| to first order.
     */
    public double[] perUnitStep(double[] delta) {
        double[] out = new double[delta.length];
        for (int i = 0; i < delta.length; i++) {
            out[i] = Math.abs(delta[i]) / (eta * gradNorm);
        }
        return out;
    }

    /**
     * Lower bounds on the empirical-NTK norm ||K(v,u)||_2 = ||J_z(v) J_z(u)^T||_2 (z: logits at every scored
     * position). Since grad log p(s) = J_z(s)^T r(s) with r(s) = e_y - softmax(z) stacked over positions,
     * Delta(v,u) ~= eta * r(v)^T K(v,u) r(u), hence ||K(v,u)||_2 >= |Delta(v,u)| / (eta ||r(v)|| ||r(u)||): the
     * paper's "influence magnitude normalised by the logit-space factors".
     */
    public double[] entkLowerBound(double[] delta, double[] probeResidualNorms) {
        double[] out = new double[delta.length];
        for (int i = 0; i < delta.length; i++) {
            out[i] = Math.abs(delta[i]) / (eta * probeResidualNorms[i] * residualNorm);
        }
        return out;
    }
}
