package org.tessera.engine.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.qwen2_5_vl.QwenLora;
import org.tessera.engine.model.qwen2_5_vl.QwenSequence;
import org.tessera.engine.model.qwen2_5_vl.QwenVl;
import org.tessera.engine.train.AdamW;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code tessera bench model} for a Qwen2.5-VL folder: teacher-forced forward tokens/s, an SFT step (forward,
 * backward, AdamW) in tokens/s and as model FLOP/s (6 x parameters x tokens), and sampling tokens/s with the KV
 * cache. Every sequence holds one random image of {@code imageSize} pixels square (64 tokens at 224) and random
 * text. Each phase can be skipped (0 steps / 0 prompts): a 3B model's AdamW state does not fit a 24 GB machine.
 */
public final class QwenBenchmark {
    /** What to measure. */
    public record Setup(int batch, int textLen, int completionLen, int imageSize, int forwardSteps, int trainSteps,
                        int genPrompts, int genSamples, int genTokens, float temperature, int loraRank) {
    }

    /** The adapters a LoRA step trains: the attention projections of every language-model layer, alpha = 2 r. */
    private static QwenLora.Settings lora(int rank) {
        return new QwenLora.Settings(rank, 2.0 * rank, 0.0, List.of("q_proj", "k_proj", "v_proj", "o_proj"));
    }

    private final Path modelDir;
    private final Setup s;

    public QwenBenchmark(Path modelDir, Setup setup) {
        this.modelDir = modelDir;
        this.s = setup;
    }

    public Map<String, Object> run(boolean json) throws Exception {
        Map<String, Object> r = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        // With --lora-rank the training step trains adapters only: a 3B model's full AdamW state does not fit 24 GB.
        try (QwenVl model = s.loraRank() > 0 && s.trainSteps() > 0 ? QwenVl.loadWithLora(modelDir, lora(s.loraRank()), 1)
                : QwenVl.load(modelDir, s.trainSteps() == 0)) {
            r.put("model", model.card().name());
            r.put("architecture", model.card().architecture());
            r.put("parameters", model.card().parameterCount());
            r.put("device", model.card().device());
            r.put("load_s", (System.nanoTime() - t0) / 1e9);
            Random rnd = new Random(1);
            List<QwenSequence> batch = new ArrayList<>();
            for (int i = 0; i < s.batch(); i++) {
                batch.add(sequence(model, rnd, s.textLen(), s.completionLen()));
            }
            int tokens = batch.stream().mapToInt(QwenSequence::length).sum();
            r.put("batch", s.batch() + " x " + batch.get(0).length() + " tokens (" + s.imageSize() + "px image = "
                    + model.imageProcessor().tokens(batch.get(0).images().get(0)) + " image tokens, "
                    + s.textLen() + " prompt text, " + s.completionLen() + " completion)");
            if (s.forwardSteps() > 0) {
                BenchOutput.log(json, "forward ...");
                double sec = forward(model, batch);
                r.put("forward_ms", sec * 1e3);
                r.put("forward_tokens_per_s", tokens / sec);
            }
            if (s.trainSteps() > 0) {
                BenchOutput.log(json, "training steps ...");
                r.putAll(train(model, batch, tokens));
            }
            if (s.genPrompts() > 0) {
                BenchOutput.log(json, "sampling ...");
                r.putAll(sample(model, rnd));
            }
        }
        BenchOutput.print(r, json);
        return r;
    }

    private QwenSequence sequence(QwenVl model, Random rnd, int textLen, int completionLen) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < textLen; i++) {
            text.append((char) ('a' + rnd.nextInt(26))); // one byte-level token each in the random tokenizer
        }
        String prompt = "<|im_start|>user\n<|vision_start|><|image_pad|><|vision_end|>" + text
                + "<|im_end|>\n<|im_start|>assistant\n";
        QwenSequence seq = model.encodeRaw(prompt, List.of(BenchOutput.randomImage(rnd, s.imageSize())));
        int[] completion = new int[completionLen];
        for (int i = 0; i < completionLen; i++) {
            completion[i] = model.qwenTokenizer().encode(String.valueOf((char) ('a' + rnd.nextInt(26))))[0];
        }
        return seq.withCompletion(completion);
    }

    /** Best time of a teacher-forced scoring pass (no gradients). */
    private double forward(QwenVl model, List<QwenSequence> batch) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < s.forwardSteps() + 1; i++) {
            try (NoGrad ignored = NoGrad.enter(); NDManager m = model.manager().newSubManager()) {
                long t0 = System.nanoTime();
                TokenLogProbs lp = model.sequenceLogProbs(m, batch, false, false);
                lp.logProbs().sum().getFloat(); // forces completion (matters on a GPU)
                double sec = (System.nanoTime() - t0) / 1e9;
                if (i > 0) { // the first pass warms up allocators
                    best = Math.min(best, sec);
                }
            }
        }
        return best;
    }

    private Map<String, Object> train(QwenVl model, List<QwenSequence> batch, int tokens) {
        double fwd = 0;
        double bwd = 0;
        double opt = 0;
        Map<String, NDArray> params = model.parameters();
        try (AdamW adam = AdamW.standard(params, 0.01f)) {
            for (int i = 0; i < s.trainSteps() + 1; i++) {
                long t0;
                long t1;
                long t2;
                try (NDManager m = model.manager().newSubManager();
                     GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    t0 = System.nanoTime();
                    TokenLogProbs lp = model.sequenceLogProbs(m, batch, false, false);
                    NDArray loss = lp.logProbs().mul(lp.mask()).sum().div(lp.mask().sum()).neg();
                    loss.getFloat();
                    t1 = System.nanoTime();
                    gc.backward(loss);
                    params.values().iterator().next().getGradient().flatten().getFloat(0); // waits for the backward pass
                    t2 = System.nanoTime();
                }
                adam.step(1e-6f, 1f);
                long t3 = System.nanoTime();
                if (i > 0) { // the first step warms up allocators and creates AdamW's state
                    fwd += (t1 - t0) / 1e6;
                    bwd += (t2 - t1) / 1e6;
                    opt += (t3 - t2) / 1e6;
                }
            }
        }
        int n = s.trainSteps();
        double stepMs = (fwd + bwd + opt) / n;
        long paramCount = model.card().parameterCount();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("train_trained_parameters", params.values().stream().mapToLong(NDArray::size).sum()
                + (s.loraRank() > 0 ? " (LoRA rank " + s.loraRank() + " on q/k/v/o_proj)" : " (all)"));
        r.put("train_step_ms", stepMs);
        r.put("train_forward_ms", fwd / n);
        r.put("train_backward_ms", bwd / n);
        r.put("train_optimizer_ms", opt / n);
        r.put("train_tokens_per_s", tokens / (stepMs / 1e3));
        r.put("train_model_tflops", 6.0 * paramCount * tokens / (stepMs / 1e3) / 1e12);
        return r;
    }

    private Map<String, Object> sample(QwenVl model, Random rnd) {
        List<QwenSequence> prompts = new ArrayList<>();
        for (int i = 0; i < s.genPrompts(); i++) {
            prompts.add(sequence(model, rnd, s.textLen(), 0));
        }
        GenerationOptions o = new GenerationOptions(s.genTokens(), s.temperature(), s.genSamples(), 7, true);
        model.generateSequences(prompts.subList(0, Math.min(2, prompts.size())),
                GenerationOptions.sampling(2, 1f, 1, 3)); // warm-up
        long t0 = System.nanoTime();
        long tokens = model.generateSequences(prompts, o).stream().flatMap(List::stream)
                .mapToLong(g -> g.tokens().length + (g.stoppedAtEos() ? 1 : 0)).sum();
        double sec = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("sample_tokens_per_s", tokens / sec);
        r.put("sample_s", sec);
        r.put("sample_setup", s.genPrompts() + " prompts x " + s.genSamples() + " samples x up to " + s.genTokens()
                + " new tokens, T=" + s.temperature() + ", KV cache, " + tokens + " tokens sampled");
        return r;
    }

}
