package org.tessera.engine.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.NoGrad;

import java.util.List;

/**
 * Learning-dynamics influence of training samples on a fixed probe set (Ren and Sutherland, arXiv 2407.10490).
 *
 * <p>One SGD step of size eta on training sample u, theta' = theta + eta * grad log p(u) (a step down u's NLL),
 * changes log p(v) of a probe v by Delta(v,u) = log p_theta'(v) - log p_theta(v) = eta * g(v) . g(u) + O(eta^2),
 * with g = grad_theta log p. The probes' gradients are computed once (one backward each) and kept as the rows of a
 * (P, N) matrix, so the first-order estimate for a training sample costs one backward pass and one matrix-vector
 * product. The actual change is measured by applying the step to the live weights, scoring the probes (inference
 * only) and writing the saved weights back.
 *
 * <p>Not thread-safe, and the model must not be used elsewhere while {@link #measure} runs (it moves the weights).
 */
public final class InfluenceProbe<S> implements AutoCloseable {
    private static final int SCORE_BATCH = 32;

    private final LogProbModel<S> model;
    private final SampleGradients<S> gradients;
    private final List<S> probes;
    private final NDManager store;
    private final NDArray probeGradients;
    private final double[] probeLogProbs;
    private final double[] probeResidualNorms;
    private final double buildSeconds;

    public InfluenceProbe(LogProbModel<S> model, List<S> probes) {
        this(model, probes, JobMonitor.NONE);
    }

    /**
     * As above, telling {@code monitor} after each probe's gradient and asking it before each: a cancel stops with a
     * {@link java.util.concurrent.CancellationException}.
     */
    public InfluenceProbe(LogProbModel<S> model, List<S> probes, JobMonitor monitor) {
        if (probes.isEmpty()) {
            throw new IllegalArgumentException("the influence probe set is empty");
        }
        long t0 = System.nanoTime();
        this.model = model;
        this.gradients = new SampleGradients<>(model);
        this.probes = List.copyOf(probes);
        this.store = model.parameters().values().iterator().next().getManager().newSubManager();
        NDList rows = new NDList(probes.size());
        this.probeLogProbs = new double[probes.size()];
        for (int i = 0; i < probes.size(); i++) {
            if (monitor.cancelled()) {
                store.close();
                monitor.throwIfCancelled("probe gradient " + i + "/" + probes.size());
            }
            SampleGradients.Gradient g = gradients.of(store, probes.get(i));
            rows.add(g.flat());
            probeLogProbs[i] = g.logProb();
            monitor.progress("Probe gradients", i + 1, probes.size(), "");
        }
        try (NoGrad ignored = NoGrad.enter()) {
            this.probeGradients = NDArrays.stack(rows);
            this.probeGradients.attach(store);
            rows.close(); // the stacked copy is all that is kept
        }
        this.probeResidualNorms = model.logitResidualNorms(this.probes);
        this.buildSeconds = (System.nanoTime() - t0) / 1e9;
    }

    public int size() {
        return probes.size();
    }

    /** log p(v) of each probe under the current (unmoved) weights. */
    public double[] probeLogProbs() {
        return probeLogProbs.clone();
    }

    public double[] probeResidualNorms() {
        return probeResidualNorms.clone();
    }

    /** Seconds spent computing the probe gradients and norms. */
    public double buildSeconds() {
        return buildSeconds;
    }

    public long parameterCount() {
        return gradients.parameterCount();
    }

    /**
     * Influence of one training sample on every probe.
     *
     * @param eta    SGD step size
     * @param actual also apply the step and measure the real change (a forward pass over the probes)
     */
    public InfluenceMeasurement measure(S u, double eta, boolean actual) {
        long t0 = System.nanoTime();
        try (NDManager s = store.newSubManager()) {
            SampleGradients.Gradient g = gradients.of(s, u);
            double[] dots;
            double norm;
            try (NoGrad ignored = NoGrad.enter()) {
                // an op's result belongs to the manager of the array it is called on: move it to the step's
                NDArray product = probeGradients.matMul(g.flat().expandDims(1));
                product.attach(s);
                dots = toDoubles(product.squeeze(1), s);
                norm = Math.sqrt(toDoubles(g.flat().square().sum().expandDims(0), s)[0]);
            }
            double[] firstOrder = new double[dots.length];
            for (int i = 0; i < dots.length; i++) {
                firstOrder[i] = eta * dots[i];
            }
            double[] measured = null;
            if (actual) {
                List<NDArray> backup = gradients.backup(s);
                gradients.addToParameters(g.flat(), eta);
                try {
                    double[] after = logProbs(probes);
                    measured = new double[after.length];
                    for (int i = 0; i < after.length; i++) {
                        measured[i] = after[i] - probeLogProbs[i];
                    }
                } finally {
                    gradients.restore(backup);
                }
            }
            double residual = model.logitResidualNorms(List.of(u))[0];
            return new InfluenceMeasurement(g.logProb(), norm, residual, eta, firstOrder, measured,
                    (System.nanoTime() - t0) / 1e9);
        }
    }

    /** log p of samples under the current weights, inference only. */
    public double[] logProbs(List<S> samples) {
        double[] out = new double[samples.size()];
        try (NoGrad ignored = NoGrad.enter()) {
            for (int start = 0; start < samples.size(); start += SCORE_BATCH) {
                int end = Math.min(samples.size(), start + SCORE_BATCH);
                try (NDManager s = store.newSubManager()) {
                    double[] part = toDoubles(model.sequenceLogProbs(s, samples.subList(start, end)), s);
                    System.arraycopy(part, 0, out, start, part.length);
                }
            }
        }
        return out;
    }

    private static double[] toDoubles(NDArray a, NDManager owner) {
        NDArray d = a.toType(DataType.FLOAT64, false);
        d.attach(owner);
        return d.toDoubleArray();
    }

    @Override
    public void close() {
        store.close();
    }
}
