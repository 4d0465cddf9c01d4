package org.tessera.engine.methods;

import org.tessera.engine.task.TaskSetup;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.AdamW;
import org.tessera.engine.train.GrpoObjective;
import org.tessera.engine.train.TrainingExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tessera bench train}: SFT and GRPO iterations of a sample experiment's shapes on the real model, with the
 * step time split into data / sampling / reference / forward+backward / optimizer. Runs nothing to disk.
 */
public final class TrainBenchmark {
    private TrainBenchmark() {
    }

    public static Map<String, Object> run(Experiment sft, Experiment grpo, Path modelDir, int steps) {
        Map<String, Object> r = new LinkedHashMap<>();
        try (TrainableModel policy = ModelLoader.load(modelDir); TrainableModel base = ModelLoader.load(modelDir, true);
             AdamW opt = AdamW.standard(policy.parameters(), 0f)) {
            // SFT
            TaskSetup task = new TaskSetup(sft, PromptWording.of(policy));
            SftData data = SftData.answerOnly(task);
            int batch = sft.method().batchSize();
            double tData = 0;
            double tFwdBwd = 0;
            double tOpt = 0;
            long tokens = 0;
            for (int i = 0; i < steps + 1; i++) {
                long a = System.nanoTime();
                List<TrainingExample> ex = data.batch(i, batch);
                List<Prompt> prompts = new ArrayList<>();
                List<int[]> targets = new ArrayList<>();
                for (TrainingExample e : ex) {
                    prompts.add(e.prompt());
                    targets.add(policy.encodeCompletion(e.target()));
                }
                long b = System.nanoTime();
                long n;
                NDManager root = policy.parameters().values().iterator().next().getManager();
                try (NDManager s = root.newSubManager(); GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                    TokenLogProbs lp = policy.completionLogProbs(s, prompts, targets, false);
                    NDArray loss = lp.logProbs().mul(lp.mask()).sum().div(lp.mask().sum()).neg();
                    n = (long) lp.mask().sum().getFloat();
                    gc.backward(loss);
                }
                long c = System.nanoTime();
                opt.step(1e-5f, 1f);
                long d = System.nanoTime();
                if (i > 0) {
                    tData += (b - a) / 1e9;
                    tFwdBwd += (c - b) / 1e9;
                    tOpt += (d - c) / 1e9;
                    tokens += n;
                }
            }
            double sftSeconds = tData + tFwdBwd + tOpt;
            r.put("sft_setup", sft.name() + ": batch " + batch + ", grid " + sft.task().grid() + ", " + steps + " steps");
            r.put("sft_samples_per_s", steps * batch / sftSeconds);
            r.put("sft_target_tokens_per_s", tokens / sftSeconds);
            r.put("sft_step_ms", 1000 * sftSeconds / steps);
            r.put("sft_split_ms", Map.of("data", 1000 * tData / steps, "forward_backward", 1000 * tFwdBwd / steps,
                    "optimizer", 1000 * tOpt / steps));
            // GRPO
            TaskSetup gtask = new TaskSetup(grpo, PromptWording.of(policy));
            Experiment.Grpo g = grpo.method().grpo();
            GrpoStep step = new GrpoStep(policy, base, opt, gtask, GrpoObjective.Variant.GRPO, g.groupSize(),
                    g.temperature().floatValue(), g.maxNewTokens(), g.clipEps().floatValue(), g.klBeta().floatValue());
            double s = 0;
            double ref = 0;
            double fb = 0;
            double op = 0;
            double total = 0;
            double genTokens = 0;
            for (int i = 0; i < steps + 1; i++) {
                List<Puzzle> puzzles = new ArrayList<>();
                for (int k = 0; k < g.promptsPerStep(); k++) {
                    puzzles.add(gtask.trainPuzzle(gtask.trainIndex(i, g.promptsPerStep(), k)));
                }
                long a = System.nanoTime();
                GrpoStep.Outcome o = step.run(i + 1, puzzles, 99 + i, 1e-6f, 1f);
                double sec = (System.nanoTime() - a) / 1e9;
                if (i > 0) {
                    s += o.timing().sampling();
                    ref += o.timing().reference();
                    fb += o.timing().forwardBackward();
                    op += o.timing().optimizer();
                    total += sec;
                    genTokens += o.completionLength() * g.promptsPerStep() * g.groupSize();
                }
            }
            int rollouts = steps * g.promptsPerStep() * g.groupSize();
            r.put("grpo_setup", grpo.name() + ": " + g.promptsPerStep() + " puzzles x " + g.groupSize()
                    + " samples, max " + g.maxNewTokens() + " new tokens, " + steps + " steps");
            r.put("grpo_rollouts_per_s", rollouts / total);
            r.put("grpo_sampled_tokens_per_s", genTokens / s);
            r.put("grpo_step_ms", 1000 * total / steps);
            Map<String, Object> split = new LinkedHashMap<>();
            split.put("sampling", 1000 * s / steps);
            split.put("reference", 1000 * ref / steps);
            split.put("forward_backward", 1000 * fb / steps);
            split.put("optimizer", 1000 * op / steps);
            split.put("rewards_and_other", 1000 * (total - s - ref - fb - op) / steps);
            r.put("grpo_split_ms", split);
        }
        return r;
    }
}
