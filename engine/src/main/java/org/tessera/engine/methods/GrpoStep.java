package org.tessera.engine.methods;

import org.tessera.engine.task.TaskSetup;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.ParseResult;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.RewardBreakdown;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.AdamWOptimizer;
import org.tessera.engine.train.DivergedException;
import org.tessera.engine.train.GrpoObjective;

import java.util.ArrayList;
import java.util.List;

/**
 * One GRPO iteration on jigsaw puzzles: sample a group of completions per puzzle, score them with the reward,
 * compute group-relative advantages, and take one policy-gradient step with the clipped objective and the KL
 * penalty to the frozen base model. One update per batch (as TRL's default), so the sampling policy equals the
 * current one: the ratio is exp(logp - stop_gradient(logp)) = 1 with the right gradient, and no second forward
 * pass is needed for the "old" log-probabilities.
 */
final class GrpoStep {
    /** Everything one iteration produced, for metrics and the rollouts log. */
    record Outcome(double loss, double gradNorm, double rewardMean, double rewardStd, double zeroSpreadFraction,
                   double kl, double entropy, double completionLength, double sampleTokensPerSecond,
                   double exactFraction, List<Group> groups, Timing timing) {
    }

    /** Seconds spent in each part of the iteration (the benchmark reports the split). */
    record Timing(double sampling, double reference, double forwardBackward, double optimizer) {
    }

    record Group(Puzzle puzzle, List<Sample> samples) {
    }

    record Sample(Generation generation, ParseResult parsed, RewardBreakdown reward, double advantage,
                  double baseLogProb, boolean exact) {
    }

    private final TrainableModel policy;
    private final TrainableModel reference;
    private final AdamWOptimizer optimizer;
    private final TaskSetup task;
    private final GrpoObjective.Variant variant;
    private final int groupSize;
    private final float temperature;
    private final int maxNewTokens;
    private final float clipEps;
    private final float beta;

    GrpoStep(TrainableModel policy, TrainableModel reference, AdamWOptimizer optimizer, TaskSetup task,
             GrpoObjective.Variant variant, int groupSize, float temperature, int maxNewTokens, float clipEps,
             float beta) {
        this.policy = policy;
        this.reference = reference;
        this.optimizer = optimizer;
        this.task = task;
        this.variant = variant;
        this.groupSize = groupSize;
        this.temperature = temperature;
        this.maxNewTokens = maxNewTokens;
        this.clipEps = clipEps;
        this.beta = beta;
    }

    Outcome run(long step, List<Puzzle> puzzles, long samplingSeed, float lr, float maxGradNorm) {
        List<Prompt> prompts = puzzles.stream().map(task::prompt).toList();
        long t0 = System.nanoTime();
        List<List<Generation>> gens = policy.generate(prompts,
                GenerationOptions.sampling(maxNewTokens, temperature, groupSize, samplingSeed));
        double sampleSeconds = (System.nanoTime() - t0) / 1e9;

        int rows = puzzles.size() * groupSize;
        List<Prompt> rowPrompts = new ArrayList<>(rows);
        List<int[]> rowTokens = new ArrayList<>(rows);
        boolean[] eos = new boolean[rows];
        float[] adv = new float[rows];
        List<Group> groups = new ArrayList<>();
        double rewardSum = 0;
        double rewardSq = 0;
        int zeroSpread = 0;
        int exact = 0;
        long genTokens = 0;
        double[][] rewardsByGroup = new double[puzzles.size()][];
        List<List<ParseResult>> parsedByGroup = new ArrayList<>();
        List<List<RewardBreakdown>> breakdownByGroup = new ArrayList<>();
        for (int i = 0; i < puzzles.size(); i++) {
            Puzzle p = puzzles.get(i);
            double[] r = new double[groupSize];
            List<ParseResult> parsed = new ArrayList<>();
            List<RewardBreakdown> bd = new ArrayList<>();
            for (int j = 0; j < groupSize; j++) {
                Generation g = gens.get(i).get(j);
                ParseResult pr = AnswerParser.parse(g.text(), p.grid(), task.template());
                RewardBreakdown b = task.reward().score(pr, p.answer());
                parsed.add(pr);
                bd.add(b);
                r[j] = b.total();
                rewardSum += r[j];
                rewardSq += r[j] * r[j];
                exact += pr.exact(p.answer()) ? 1 : 0;
                genTokens += g.tokens().length + (g.stoppedAtEos() ? 1 : 0);
                int row = i * groupSize + j;
                rowPrompts.add(prompts.get(i));
                rowTokens.add(g.tokens());
                eos[row] = g.stoppedAtEos();
            }
            double[] a = GrpoObjective.advantages(r, variant);
            for (int j = 0; j < groupSize; j++) {
                adv[i * groupSize + j] = (float) a[j];
            }
            zeroSpread += GrpoObjective.zeroSpread(r) ? 1 : 0;
            rewardsByGroup[i] = a;
            parsedByGroup.add(parsed);
            breakdownByGroup.add(bd);
        }

        double lossValue;
        double klValue;
        double entropyValue;
        double[] baseLogProb = new double[rows];
        NDManager base = policy.parameters().values().iterator().next().getManager();
        long tRef;
        long tFwd;
        try (NDManager s = base.newSubManager()) {
            NDArray refLogp;
            long r0 = System.nanoTime();
            try (NoGrad ignored = NoGrad.enter()) {
                refLogp = reference.completionLogProbs(s, rowPrompts, rowTokens, eos, false).logProbs();
                refLogp.getFloat(0, 0); // finish the reference pass before timing the policy's
            }
            tRef = System.nanoTime() - r0;
            r0 = System.nanoTime();
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TokenLogProbs lp = policy.completionLogProbs(s, rowPrompts, rowTokens, eos, true);
                NDArray advantages = s.create(adv, new Shape(rows, 1));
                GrpoObjective.Terms t = GrpoObjective.loss(lp.logProbs(), lp.logProbs().stopGradient(), refLogp,
                        lp.mask(), advantages, clipEps, beta, variant, maxNewTokens);
                lossValue = t.loss().getFloat();
                if (!Double.isFinite(lossValue)) {
                    throw new DivergedException(step, "GRPO loss is " + lossValue);
                }
                klValue = t.kl().getFloat();
                NDArray tokenCount = lp.mask().sum();
                entropyValue = lp.entropy().stopGradient().mul(lp.mask()).sum().div(tokenCount).getFloat();
                float[] base2 = refLogp.mul(lp.mask()).sum(new int[] {1}).toFloatArray();
                for (int i = 0; i < rows; i++) {
                    baseLogProb[i] = base2[i];
                }
                gc.backward(t.loss());
            }
            tFwd = System.nanoTime() - r0;
        }
        long o0 = System.nanoTime();
        AdamWOptimizer.StepInfo info = optimizer.step(lr, maxGradNorm);
        long tOpt = System.nanoTime() - o0;
        if (!info.applied()) {
            throw new DivergedException(step, "gradient norm is " + info.gradNorm());
        }
        for (int i = 0; i < puzzles.size(); i++) {
            List<Sample> samples = new ArrayList<>();
            for (int j = 0; j < groupSize; j++) {
                int row = i * groupSize + j;
                samples.add(new Sample(gens.get(i).get(j), parsedByGroup.get(i).get(j), breakdownByGroup.get(i).get(j),
                        adv[row], baseLogProb[row], parsedByGroup.get(i).get(j).exact(puzzles.get(i).answer())));
            }
            groups.add(new Group(puzzles.get(i), samples));
        }
        double mean = rewardSum / rows;
        double std = Math.sqrt(Math.max(0, rewardSq / rows - mean * mean));
        return new Outcome(lossValue, info.gradNorm(), mean, std, (double) zeroSpread / puzzles.size(), klValue,
                entropyValue, (double) genTokens / rows, genTokens / sampleSeconds, (double) exact / rows, groups,
                new Timing(sampleSeconds, tRef / 1e9, tFwd / 1e9, tOpt / 1e9));
    }
}
