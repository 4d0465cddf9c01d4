package org.tessera.engine.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A two-parameter differentiable toy: log p(x) = log sigmoid(w . x), in float64 so that second-order effects stay
 * far above rounding. Its gradient is known in closed form, (1 - sigmoid(w . x)) x, and its logit residual for the
 * two logits (w . x, 0) with the first as target is sqrt(2) (1 - sigmoid(w . x)).
 */
final class ToyLogistic implements LogProbModel<double[]>, AutoCloseable {
    private final NDManager manager = NDManager.newBaseManager();
    private final NDArray w;

    ToyLogistic(double w0, double w1) {
        w = manager.create(new double[] {w0, w1});
        w.setRequiresGradient(true);
    }

    @Override
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> m = new LinkedHashMap<>();
        m.put("w", w);
        return m;
    }

    @Override
    public NDArray sequenceLogProbs(NDManager m, List<double[]> samples) {
        double[][] x = samples.toArray(new double[0][]);
        NDArray xs = m.create(x);
        NDArray z = xs.matMul(w.expandDims(1)).squeeze(1);
        return z.neg().exp().add(1).log().neg();
    }

    @Override
    public double[] logitResidualNorms(List<double[]> samples) {
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.sqrt(2) * (1 - sigmoid(dot(samples.get(i))));
        }
        return out;
    }

    double[] weights() {
        return w.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    double dot(double[] x) {
        double[] v = weights();
        return v[0] * x[0] + v[1] * x[1];
    }

    /** Closed-form grad log sigmoid(w . x) = (1 - sigmoid(w . x)) x. */
    double[] gradient(double[] x) {
        double f = 1 - sigmoid(dot(x));
        return new double[] {f * x[0], f * x[1]};
    }

    double logProb(double[] x) {
        return -Math.log1p(Math.exp(-dot(x)));
    }

    static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }

    @Override
    public void close() {
        manager.close();
    }
}
