package org.tessera.engine.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.train.AdamW;
import org.tessera.engine.train.AdamWOptimizer;
import org.tessera.engine.train.PerTensorAdamW;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Times one AdamW update of a model's parameters with the flat-buffer optimizer ({@link AdamW}) and the per-tensor
 * reference ({@link PerTensorAdamW}) in the same run, alternating the two so that a noisy machine slows both
 * alike. Each timed step starts from the same fixed random gradients (written before the clock starts), with
 * clipping active and weight decay on, the branches a training step takes.
 */
final class OptimizerBenchmark {
    private static final int WARMUP = 5;
    private OptimizerBenchmark() {
    }

    static Map<String, Object> compare(Map<String, NDArray> params, int steps) {
        NDManager base = params.values().iterator().next().getManager();
        double[] flatMs = new double[steps];
        double[] perTensorMs = new double[steps];
        try (NDManager g = base.newSubManager();
             AdamWOptimizer flat = AdamW.standard(params, 0.01f);
             AdamWOptimizer perTensor = PerTensorAdamW.standard(params, 0.01f)) {
            List<NDArray> grads = new ArrayList<>();
            for (NDArray p : params.values()) {
                grads.add(g.randomNormal(p.getShape()));
            }
            for (int i = -WARMUP; i < steps; i++) { // warm-up: allocators, caches, page faults
                double f = timedStep(flat, params, grads);
                double r = timedStep(perTensor, params, grads);
                if (i >= 0) {
                    flatMs[i] = f;
                    perTensorMs[i] = r;
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        // medians: a shared machine adds long outliers to a few steps
        out.put("optimizer_flat_ms", median(flatMs));
        out.put("optimizer_per_tensor_ms", median(perTensorMs));
        out.put("optimizer_speedup", median(perTensorMs) / median(flatMs));
        return out;
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double timedStep(AdamWOptimizer opt, Map<String, NDArray> params, List<NDArray> grads) {
        try (NoGrad ignored = NoGrad.enter(); NDManager s = grads.get(0).getManager().newSubManager()) {
            int i = 0;
            for (NDArray p : params.values()) {
                NDArray grad = p.getGradient();
                grad.attach(s);
                grad.set(new NDIndex("..."), grads.get(i++));
            }
            grads.get(0).get("0").toFloatArray(); // the copies are done before the clock starts (GPU work is asynchronous)
        }
        long t0 = System.nanoTime();
        opt.step(1e-5f, 1f);
        ModelBenchmark.sync(params.values());
        return (System.nanoTime() - t0) / 1e6;
    }
}
