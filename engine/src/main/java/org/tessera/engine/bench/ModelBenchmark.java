package org.tessera.engine.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.train.AdamW;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code tessera bench model}. Everything is compared within one run (the machines are noisy): the training step's
 * achieved FLOP rate is reported as a fraction of the fp32 matmul rate measured moments before.
 */
public final class ModelBenchmark {
    private final Path modelDir;
    private final int batch;
    private final int textLen;
    private final int steps;
    private final int genPrompts;
    private final int genSamples;
    private final int genTokens;

    public ModelBenchmark(Path modelDir, int batch, int textLen, int steps, int genPrompts, int genSamples,
                          int genTokens) {
        this.genSamples = genSamples;
        this.modelDir = modelDir;
        this.batch = batch;
        this.textLen = textLen;
        this.steps = steps;
        this.genPrompts = genPrompts;
        this.genTokens = genTokens;
    }

    public Map<String, Object> run(boolean json) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        try (TinyVlm model = (TinyVlm) ModelLoader.load(modelDir)) {
            r.put("model", model.card().name());
            r.put("parameters", model.card().parameterCount());
            r.put("device", model.card().device());
            r.put("threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "default")
                    + " (OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY", "unset") + ")");
            BenchOutput.log(json, "matmul peak ...");
            int d = model.config().hiddenSize();
            int rows = batch * (model.config().patchesPerImage() + textLen);
            double shape = matmulShape(model, rows, d, model.config().intermediateSize(), 20);
            // the peak is the best rate any of several square sizes or the model's largest product reaches
            double peak = Math.max(shape, Math.max(matmulShape(model, 512, 512, 512, 20),
                    Math.max(matmulShape(model, 1024, 1024, 1024, 8), matmulShape(model, 2048, 2048, 2048, 3))));
            r.put("matmul_peak_gflops", peak);
            r.put("matmul_model_shape", rows + "x" + d + " @ " + d + "x" + model.config().intermediateSize());
            r.put("matmul_model_shape_gflops", shape);
            BenchOutput.log(json, "training steps ...");
            r.putAll(trainingStep(model));
            double achieved = (double) r.get("train_step_gflops");
            r.put("train_step_fraction_of_peak", achieved / (double) r.get("matmul_peak_gflops"));
            BenchOutput.log(json, "sampling ...");
            r.putAll(generation(model, true, genPrompts));
            r.putAll(generation(model, false, Math.max(1, genPrompts / 4)));
        }
        BenchOutput.print(r, json);
        return r;
    }

    /** Best GFLOP/s of (m x k) @ (k x n) over several repetitions. */
    private static double matmulShape(TinyVlm model, int m, int k, int n, int reps) {
        try (NDManager nd = NDManager.newBaseManager(model.device())) {
            NDArray a = nd.randomUniform(-1, 1, new Shape(m, k));
            NDArray b = nd.randomUniform(-1, 1, new Shape(k, n));
            double best = 0;
            for (int i = 0; i < reps + 2; i++) {
                try (NDManager s = nd.newSubManager()) {
                    NDArray x = a.duplicate();
                    x.attach(s);
                    long t0 = System.nanoTime();
                    NDArray c = x.matMul(b);
                    c.getFloat(0, 0); // forces completion (matters on GPU)
                    double sec = (System.nanoTime() - t0) / 1e9;
                    if (i >= 2) {
                        best = Math.max(best, 2.0 * m * k * n / sec / 1e9);
                    }
                }
            }
            return best;
        }
    }

    private Map<String, Object> trainingStep(TinyVlm model) {
        Random rnd = new Random(1);
        int vocab = model.config().vocabSize();
        List<Prompt> prompts = new ArrayList<>();
        List<int[]> completions = new ArrayList<>();
        int promptWords = Math.max(1, textLen / 3);
        int completionLen = textLen - promptWords - 3; // <bos>, <sep>, <eos>
        for (int i = 0; i < batch; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < promptWords; w++) {
                sb.append(w == 0 ? "" : " ").append((char) ('a' + rnd.nextInt(26)));
            }
            prompts.add(Prompt.of(BenchOutput.randomImage(rnd, model.config().imageSize()), sb.toString()));
            int[] c = new int[completionLen];
            for (int j = 0; j < c.length; j++) {
                c[j] = 10 + rnd.nextInt(vocab - 10);
            }
            completions.add(c);
        }
        double fwd = 0;
        double bwd = 0;
        double opt = 0;
        try (AdamW optimizer = AdamW.standard(model.parameters(), 0.01f)) {
            NDManager base = model.parameters().values().iterator().next().getManager();
            for (int i = 0; i < steps + 2; i++) {
                long t0 = System.nanoTime();
                long t1;
                try (NDManager s = base.newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    TokenLogProbs lp = model.completionLogProbs(s, prompts, completions, false);
                    NDArray loss = lp.logProbs().mul(lp.mask()).sum().div(lp.mask().sum()).neg();
                    loss.getFloat();
                    t1 = System.nanoTime();
                    gc.backward(loss);
                }
                long t2 = System.nanoTime();
                optimizer.step(1e-5f, 1f);
                sync(model.parameters().values());
                long t3 = System.nanoTime();
                if (i >= 2) { // the first steps warm up allocators and caches
                    fwd += (t1 - t0) / 1e6;
                    bwd += (t2 - t1) / 1e6;
                    opt += (t3 - t2) / 1e6;
                }
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        double stepMs = (fwd + bwd + opt) / steps;
        double flops = FlopCounter.trainingStep(model.config(), batch, 1, textLen);
        r.put("train_batch", batch + " x (" + model.config().patchesPerImage() + " image + " + textLen + " text tokens)");
        r.put("train_step_ms", stepMs);
        r.put("train_forward_ms", fwd / steps);
        r.put("train_backward_ms", bwd / steps);
        r.put("train_optimizer_ms", opt / steps);
        r.put("train_step_gflop", flops / 1e9);
        r.put("train_step_gflops", flops / 1e9 / ((fwd + bwd) / steps / 1e3));
        r.put("train_step_gflops_incl_optimizer", flops / 1e9 / (stepMs / 1e3));
        r.putAll(OptimizerBenchmark.compare(model.parameters(), steps));
        return r;
    }

    private Map<String, Object> generation(TinyVlm model, boolean kv, int n) {
        Random rnd = new Random(2);
        List<Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            prompts.add(Prompt.of(BenchOutput.randomImage(rnd, model.config().imageSize()), "where is the red circle ?"));
        }
        GenerationOptions o = new GenerationOptions(genTokens, 1.0f, genSamples, 7, kv);
        model.generate(prompts.subList(0, Math.min(4, n)), o); // warm-up
        long t0 = System.nanoTime();
        long tokens = model.generate(prompts, o).stream().flatMap(List::stream)
                .mapToLong(g -> g.tokens().length + (g.stoppedAtEos() ? 1 : 0)).sum();
        double sec = (System.nanoTime() - t0) / 1e9;
        String key = kv ? "sample_kv_cache" : "sample_no_cache";
        Map<String, Object> r = new LinkedHashMap<>();
        r.put(key + "_tokens_per_s", tokens / sec);
        r.put(key + "_rollouts_per_s", (double) n * genSamples / sec);
        r.put(key + "_setup", n + " prompts x " + genSamples + " samples x up to " + genTokens + " tokens, T=1, "
                + tokens + " tokens sampled");
        return r;
    }

    /**
     * Waits until the device has finished the work queued so far: GPU kernels run asynchronously, so without this
     * a timer around an update would measure only its launches. Reading one value of the last parameter written
     * waits for every kernel before it on the stream.
     */
    static void sync(java.util.Collection<NDArray> params) {
        NDArray last = null;
        for (NDArray p : params) {
            last = p;
        }
        if (last != null) {
            try (NoGrad ignored = NoGrad.enter(); NDArray first = last.reshape(-1).get("0:1")) {
                first.toFloatArray();
            }
        }
    }

}
