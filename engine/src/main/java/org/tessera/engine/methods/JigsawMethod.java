package org.tessera.engine.methods;

import org.tessera.engine.task.TaskSetup;
import org.tessera.engine.experiment.MethodKind;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.world.SuiteResult;
import org.tessera.engine.runs.events.HarvestedRollout;
import org.tessera.engine.runs.events.PuzzleRef;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.runs.events.GrpoTrainStep;
import org.tessera.engine.runs.events.SftTrainStep;

import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.jigsaw.JigsawEvaluator;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.qwen2_5_vl.QwenLora;
import org.tessera.engine.model.qwen2_5_vl.QwenVl;
import org.tessera.engine.model.qwen2_5_vl.QwenVlConfig;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.Safetensors;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.runs.ExperimentMethod;
import org.tessera.engine.runs.RunContext;
import org.tessera.engine.train.AdamW;
import org.tessera.engine.train.GrpoObjective;
import org.tessera.engine.train.JsonlFiles;
import org.tessera.engine.train.JsonlWriter;
import org.tessera.engine.train.LrSchedule;
import org.tessera.engine.train.SftStep;
import org.tessera.engine.train.TrainerCheckpoint;
import org.tessera.engine.train.TrainingExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Runs the paper's conditions on jigsaw: {@code sft} (answer-only, teacher-reasoning, self-rollouts), {@code grpo},
 * and {@code rft-then-sft} (a GRPO phase whose exact rollouts become the SFT data of a second phase, one run).
 * Steps are numbered continuously across phases; every {@code eval.every} steps the run is evaluated, every
 * {@code checkpoint.every} steps checkpointed; a resumed run continues from its newest checkpoint with its logs cut
 * back to that step.
 */
public final class JigsawMethod implements ExperimentMethod {
    /** Builds the retained-knowledge evaluation and probe for a run (the world's suite, or a test double). */
    public interface KnowledgeFactory extends BiFunction<Experiment, TrainableModel, KnowledgeSetup> {
    }

    /** The knowledge suite as a function of the policy (reporting to a monitor), and the prior-knowledge KL probe. */
    public record KnowledgeSetup(BiFunction<TrainableModel, JobMonitor, SuiteResult> suite,
                                 KlProbe probe) {
    }

    private final KnowledgeFactory knowledge;
    private final Path projectRoot;

    public JigsawMethod(KnowledgeFactory knowledge, Path projectRoot) {
        this.knowledge = knowledge;
        this.projectRoot = projectRoot;
    }

    @Override
    public void run(Experiment e, RunContext ctx) throws Exception {
        Path baseDir = resolve(e.baseModel());
        Experiment.Method m = e.method();
        MethodKind kind = m.methodKind();
        long grpoSteps = kind.hasGrpoPhase() ? m.steps() : 0;
        long sftSteps = switch (kind) {
            case SFT -> m.steps();
            case RFT_THEN_SFT -> m.sftSteps();
            case GRPO -> 0;
        };
        long total = grpoSteps + sftSteps;
        ctx.setTotalSteps(total);
        try (TrainableModel policy = policy(baseDir, e);
             TrainableModel base = ModelLoader.load(baseDir, true);
             AdamW optimizer = AdamW.standard(policy.parameters(), m.weightDecay().floatValue())) {
            TaskSetup task = new TaskSetup(e, PromptWording.of(policy));
            long start = 0;
            Optional<Path> ck = TrainerCheckpoint.latest(ctx.folder().checkpointsDir());
            if (ck.isPresent()) {
                TrainerCheckpoint.State st = TrainerCheckpoint.readState(ck.get());
                // a LoRA run's checkpoint holds the adapters only
                Path adapters = ck.get().resolve(QwenLora.WEIGHTS);
                policy.loadWeights(Safetensors.read(java.nio.file.Files.isRegularFile(adapters) ? adapters
                        : ck.get().resolve("model.safetensors")));
                optimizer.restore(TrainerCheckpoint.readOptimizer(ck.get()), st.optimizerSteps());
                start = st.step();
                ctx.progress(start, ck.get().getFileName().toString());
            }
            // logs continue exactly after the checkpoint: drop whatever a killed worker wrote beyond it
            JsonlFiles.keepUpTo(ctx.folder().metricsFile(), start);
            JsonlFiles.keepUpTo(ctx.folder().rolloutsFile(), start);
            JsonlFiles.keepUpTo(ctx.folder().harvestFile(), start);
            JsonlFiles.keepUpTo(ctx.folder().sftDataFile(), start);

            RunEvaluator evaluator = evaluator(e, task, policy);
            long t0 = System.nanoTime() - (long) (wallSecondsAt(ctx, start) * 1e9);
            if (start == 0) {
                evaluate(ctx, evaluator, policy, base, 0, t0);
            }
            long step = start;
            if (step < grpoSteps) {
                step = runGrpo(e, ctx, task, policy, base, optimizer, evaluator, step, grpoSteps, total, t0);
            }
            if (step < total) {
                SftData data = sftData(e, task, ctx, policy, base, step, t0);
                double lr = kind == MethodKind.RFT_THEN_SFT ? m.sftLr() : m.lr();
                runSft(e, ctx, data, policy, base, optimizer, evaluator, step, grpoSteps, total, lr, t0);
            }
        }
    }

    /** The model to train: the base itself, or the base with fresh LoRA adapters when the method asks for them. */
    private static TrainableModel policy(Path baseDir, Experiment e) {
        Experiment.Lora l = e.method().lora();
        boolean qwen = QwenVlConfig.ARCHITECTURE.equals(ModelLoader.architectureOf(baseDir));
        if (qwen) {
            checkTileSize(e);
        }
        if (l == null) {
            return ModelLoader.load(baseDir);
        }
        if (!qwen) {
            throw new IllegalArgumentException("method.lora needs a Hugging Face Qwen2.5-VL base model; "
                    + baseDir + " is " + ModelLoader.architectureOf(baseDir));
        }
        QwenLora.Settings s = new QwenLora.Settings(l.rank(), l.alpha(), l.dropout(),
                java.util.Arrays.asList(l.targetModules().split(",")));
        return QwenVl.loadWithLora(baseDir, s, e.seed());
    }

    /**
     * Qwen2.5-VL sees an image in 28-pixel units (14-pixel patches merged 2 x 2) and resizes any other size, which
     * blurs the borders between tiles: every tile must be a whole number of units.
     */
    public static void checkTileSize(Experiment e) {
        int rows = e.task().rows();
        int cols = e.task().cols();
        int base = 28 * rows * cols / gcd(rows, cols); // the smallest side whose tiles are whole 28-pixel units
        int size = e.task().imageSize();
        if (size % base != 0) {
            int suggestion = base * (int) Math.ceil(224.0 / base);
            throw new IllegalArgumentException("task.image_size " + size + " cuts a " + e.task().grid()
                    + " puzzle into tiles that are not multiples of 28 pixels, so Qwen2.5-VL would resize the picture "
                    + "and blur the tile borders: use a multiple of " + base + ", e.g. " + suggestion);
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private Path resolve(String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : projectRoot.resolve(path);
    }

    private RunEvaluator evaluator(Experiment e, TaskSetup task, TrainableModel policy) {
        List<Puzzle> test = JigsawEvaluator.heldOut(task.trainSpec(), e.task().testSeed(), e.eval().jigsawN());
        JigsawEvaluator jig = new JigsawEvaluator(test, task.template(), e.eval().maxNewTokens(), 64);
        KnowledgeSetup ks = knowledge.apply(e, policy);
        List<Prompt> taskPrompts = new ArrayList<>();
        List<int[]> taskTargets = new ArrayList<>();
        int n = Math.min(e.eval().klProbeN(), test.size());
        for (Puzzle p : test.subList(0, n)) {
            taskPrompts.add(task.prompt(p));
            taskTargets.add(policy.encodeCompletion(task.template().completion(null, p.answer(), p.grid())));
        }
        return new RunEvaluator(jig, ks.suite(), ks.probe(), new KlProbe(taskPrompts, taskTargets));
    }

    private static double wallSecondsAt(RunContext ctx, long step) {
        double wall = 0;
        for (var ev : JsonlFiles.read(ctx.folder().metricsFile())) {
            if (ev.path("step").asLong() <= step) {
                wall = Math.max(wall, ev.path("wall_s").asDouble(0));
            }
        }
        return wall;
    }

    private static void evaluate(RunContext ctx, RunEvaluator evaluator, TrainableModel policy, TrainableModel base,
                                 long step, long t0) {
        // An evaluation of a real model takes minutes: it shows how far it is in run.json's message. It does not
        // stop on a cancel: the step's checkpoint comes after it, and a Stop keeps what the step trained.
        JobMonitor runMonitor = ctx.monitor();
        JobMonitor progressOnly = (task, done, total, detail) -> runMonitor.progress("eval: " + task, done, total,
                detail);
        ctx.metric(new EvalEvent(step, evaluator.evaluate(policy, base, progressOnly),
                (System.nanoTime() - t0) / 1e9));
    }

    private long runGrpo(Experiment e, RunContext ctx, TaskSetup task, TrainableModel policy, TrainableModel base,
                         AdamW optimizer, RunEvaluator evaluator, long start, long grpoSteps, long total, long t0) {
        Experiment.Method m = e.method();
        Experiment.Grpo g = m.grpo();
        GrpoObjective.Variant variant = g.loss().equals("dr_grpo") ? GrpoObjective.Variant.DR_GRPO
                : GrpoObjective.Variant.GRPO;
        GrpoStep stepper = new GrpoStep(policy, base, optimizer, task, variant, g.groupSize(),
                g.temperature().floatValue(), g.maxNewTokens(), g.clipEps().floatValue(), g.klBeta().floatValue());
        LrSchedule lr = new LrSchedule((float) m.lr(), m.warmupSteps(), (int) grpoSteps, m.minLrRatio().floatValue());
        // every exact rollout of the phase is logged (the data of harvest.from = "grpo-log")
        JsonlWriter harvest = new JsonlWriter(ctx.folder().harvestFile());
        for (long step = start; step < grpoSteps; step++) {
            ctx.betweenSteps(step);
            List<Puzzle> puzzles = new ArrayList<>();
            for (int k = 0; k < g.promptsPerStep(); k++) {
                puzzles.add(task.trainPuzzle(task.trainIndex(step, g.promptsPerStep(), k)));
            }
            FaultInjection.maybePoison(policy, step);
            long t = System.nanoTime();
            float rate = lr.at(step);
            GrpoStep.Outcome o = stepper.run(step + 1, puzzles, e.seed() * 1_000_003L + step, rate,
                    m.gradClip().floatValue());
            long done = step + 1;
            ctx.metric(new GrpoTrainStep(done, (System.nanoTime() - t0) / 1e9, o.loss(), rate, o.gradNorm(),
                    o.rewardMean(), o.rewardStd(), o.zeroSpreadFraction(), o.kl(), o.entropy(), o.completionLength(),
                    o.sampleTokensPerSecond(), o.exactFraction(), (System.nanoTime() - t) / 1e9,
                    new GrpoTrainStep.Seconds(o.timing().sampling(), o.timing().reference(),
                            o.timing().forwardBackward(), o.timing().optimizer())));
            for (GrpoStep.Group grp : o.groups()) {
                for (GrpoStep.Sample s : grp.samples()) {
                    if (s.exact()) {
                        harvest.append(RunEvents.toJson(new HarvestedRollout(done, PuzzleRef.of(grp.puzzle()),
                                s.generation().text())));
                    }
                }
            }
            if (done % e.rollouts().logEvery() == 0 || done == 1) {
                for (GrpoStep.Group grp : o.groups()) {
                    ctx.rollout(RolloutRecord.of(done, grp));
                }
            }
            afterStep(e, ctx, policy, base, optimizer, evaluator, done, done == grpoSteps || done == total, t0);
        }
        return grpoSteps;
    }

    private void runSft(Experiment e, RunContext ctx, SftData data, TrainableModel policy, TrainableModel base,
                        AdamW optimizer, RunEvaluator evaluator, long start, long phaseStart, long total, double peak,
                        long t0) {
        Experiment.Method m = e.method();
        SftStep stepper = new SftStep(policy, optimizer);
        LrSchedule lr = new LrSchedule((float) peak, m.warmupSteps(), (int) (total - phaseStart),
                m.minLrRatio().floatValue());
        for (long step = start; step < total; step++) {
            ctx.betweenSteps(step);
            long local = step - phaseStart;
            FaultInjection.maybePoison(policy, step);
            long t = System.nanoTime();
            List<TrainingExample> batch = data.batch(local, m.batchSize());
            List<Prompt> prompts = new ArrayList<>();
            List<int[]> targets = new ArrayList<>();
            for (TrainingExample ex : batch) {
                prompts.add(ex.prompt());
                targets.add(policy.encodeCompletion(ex.target()));
            }
            float rate = lr.at(local);
            SftStep.Result r = stepper.run(step + 1, prompts, targets, rate, m.gradClip().floatValue());
            long done = step + 1;
            double sec = (System.nanoTime() - t) / 1e9;
            ctx.metric(new SftTrainStep(done, data.kind(), (System.nanoTime() - t0) / 1e9, r.loss(), rate,
                    r.gradNorm(), r.tokens() / sec, batch.size() / sec, sec));
            afterStep(e, ctx, policy, base, optimizer, evaluator, done, done == total, t0);
        }
    }

    private static void afterStep(Experiment e, RunContext ctx, TrainableModel policy, TrainableModel base,
                                  AdamW optimizer, RunEvaluator evaluator, long done, boolean last, long t0) {
        // Evaluate before checkpointing: a checkpoint at step s then always has step s's evaluation logged before
        // it. The other order lost that evaluation when a worker was killed between the two (resume starts after
        // the checkpoint and cuts the log there), as RunFaultToleranceTest caught on CI.
        if (done % e.eval().every() == 0 || last) {
            evaluate(ctx, evaluator, policy, base, done, t0);
        }
        String checkpoint = null;
        if (done % e.checkpoint().every() == 0 || last) {
            checkpoint = TrainerCheckpoint.save(ctx.folder().checkpointsDir(), done, policy, optimizer)
                    .getFileName().toString();
            TrainerCheckpoint.prune(ctx.folder().checkpointsDir(), e.checkpoint().keep());
        }
        ctx.progress(done, checkpoint);
    }

    private SftData sftData(Experiment e, TaskSetup task, RunContext ctx, TrainableModel policy,
                            TrainableModel base, long step, long t0) {
        Experiment.Sft s = e.method().sft();
        if (e.method().methodKind() == MethodKind.RFT_THEN_SFT) {
            if (e.method().harvest().from().equals("grpo-log")) {
                return SftData.selfRollouts(task, harvested(ctx, task));
            }
            return SftData.selfRollouts(task, PolicyHarvest.dataFor(e, task, ctx, policy, base, step, t0));
        }
        return switch (s.data()) {
            case "answer-only" -> SftData.answerOnly(task);
            case "teacher-reasoning" -> SftData.teacher(task);
            default -> {
                if (s.rolloutsFile() != null) {
                    yield SftData.selfRollouts(task, SftData.readRollouts(resolve(s.rolloutsFile()), task));
                }
                yield SftData.selfRollouts(task, Harvest.fromCheckpoint(resolve(s.harvestFrom()), task,
                        e.task().trainSize(), s.harvestSamples(), s.harvestTemperature().floatValue(), e.seed(),
                        e.eval().maxNewTokens(), ctx.monitor()));
            }
        };
    }

    private static List<SftData.Rollout> harvested(RunContext ctx, TaskSetup task) {
        return SftData.harvested(ctx.folder().harvestFile(), task);
    }
}
