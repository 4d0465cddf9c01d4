package org.tessera.engine.analysis;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.GradientCollector;
import org.tessera.engine.model.NoGrad;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-example gradients of log p(s) as one flat vector over every parameter (in the model's parameter order).
 * A batch-1 backward pass each: DJL allows one gradient collector per JVM and never zeroes gradients itself, so
 * they are zeroed here after every example (otherwise example k's gradient would contain examples 1..k-1).
 */
final class SampleGradients<S> {
    private final LogProbModel<S> model;
    private final List<NDArray> params;
    private final NDManager root;

    SampleGradients(LogProbModel<S> model) {
        this.model = model;
        this.params = new ArrayList<>(model.parameters().values());
        this.root = params.get(0).getManager();
    }

    /** A flat gradient (owned by the manager given) and the value of log p(s) it is the gradient of. */
    record Gradient(NDArray flat, double logProb) {
    }

    Gradient of(NDManager target, S sample) {
        try (NDManager s = root.newSubManager()) {
            double logProb;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray lp = model.sequenceLogProbs(s, List.of(sample));
                logProb = lp.toType(DataType.FLOAT64, false).toDoubleArray()[0];
                gc.backward(lp.sum());
            }
            try (NoGrad ignored = NoGrad.enter()) {
                NDList flats = new NDList(params.size());
                List<NDArray> grads = new ArrayList<>(params.size());
                for (NDArray p : params) {
                    // the handle belongs to the parameter's manager; attaching it here releases it with the step
                    NDArray g = p.getGradient();
                    g.attach(s);
                    grads.add(g);
                    flats.add(g.flatten());
                }
                NDArray flat = NDArrays.concat(flats); // a copy, so zeroing the gradients below cannot alter it
                for (NDArray g : grads) {
                    g.set(new NDIndex("..."), 0);
                }
                flat.attach(target);
                return new Gradient(flat, logProb);
            }
        }
    }

    /** Adds {@code scale * flat} to the parameters in place (one SGD step when flat is a gradient of log p). */
    void addToParameters(NDArray flat, double scale) {
        try (NoGrad ignored = NoGrad.enter(); NDManager s = root.newSubManager()) {
            long offset = 0;
            for (NDArray p : params) {
                long size = p.size();
                NDArray piece = flat.get(new NDIndex("{}:{}", offset, offset + size)).reshape(p.getShape());
                piece.attach(s);
                NDArray step = piece.mul(scale);
                step.attach(s);
                p.addi(step);
                offset += size;
            }
        }
    }

    /** Copies of the parameters, owned by {@code target}, for {@link #restore}. */
    List<NDArray> backup(NDManager target) {
        try (NoGrad ignored = NoGrad.enter()) {
            List<NDArray> out = new ArrayList<>(params.size());
            for (NDArray p : params) {
                NDArray c = p.duplicate();
                c.attach(target);
                out.add(c);
            }
            return out;
        }
    }

    /** Writes the backed-up values back into the parameters (exact, unlike subtracting the step again). */
    void restore(List<NDArray> backup) {
        try (NoGrad ignored = NoGrad.enter()) {
            for (int i = 0; i < params.size(); i++) {
                params.get(i).set(new NDIndex("..."), backup.get(i));
            }
        }
    }

    long parameterCount() {
        long n = 0;
        for (NDArray p : params) {
            n += p.size();
        }
        return n;
    }
}
