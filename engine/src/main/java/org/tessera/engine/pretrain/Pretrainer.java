package org.tessera.engine.pretrain;

import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.AdamW;
import org.tessera.engine.train.JsonlFiles;
import org.tessera.engine.train.JsonlWriter;
import org.tessera.engine.train.LrSchedule;
import org.tessera.engine.train.SftStep;
import org.tessera.engine.train.TrainerCheckpoint;
import org.tessera.engine.train.TrainingExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains a model from scratch on a stream of examples: warmup + cosine AdamW, periodic evaluation, checkpoints
 * and {@code metrics.jsonl}. Batch {@code s} depends only on (seed, s), so a resumed run sees exactly the data
 * the uninterrupted run would have.
 */
public final class Pretrainer {
    /** Supplies the examples of training step {@code step}; must be a pure function of its arguments. */
    public interface ExampleStream {
        List<TrainingExample> batch(long step, int size);
    }

    private final PretrainConfig config;
    private final TrainableModel model;
    private final ExampleStream data;
    private final Function<TrainableModel, Map<String, Object>> evaluator;
    private final Path outDir;

    public Pretrainer(PretrainConfig config, TrainableModel model, ExampleStream data,
                      Function<TrainableModel, Map<String, Object>> evaluator, Path outDir) {
        this.config = config;
        this.model = model;
        this.data = data;
        this.evaluator = evaluator;
        this.outDir = outDir;
    }

    /**
     * Runs from {@code startStep} (0, or a checkpoint's step when resuming) to the configured step count, reporting
     * each step to {@code monitor} (the CLI's progress bar) and stopping between steps when it cancels.
     *
     * @return the pretraining's wall-clock time in seconds, resumed parts included
     */
    public double run(long startStep, AdamW optimizer, JobMonitor monitor) {
        LrSchedule lr = new LrSchedule(config.lr(), config.warmupSteps(), config.steps(), config.minLrRatio());
        SftStep stepper = new SftStep(model, optimizer);
        JsonlWriter metrics = new JsonlWriter(outDir.resolve("metrics.jsonl"));
        Path checkpoints = outDir.resolve("checkpoints");
        // wall_s counts the whole pretraining: a resumed run goes on from the last logged time before its checkpoint.
        double wallBefore = JsonlFiles.read(outDir.resolve("metrics.jsonl")).stream()
                .mapToDouble(n -> n.path("wall_s").asDouble(0)).max().orElse(0);
        long t0 = System.nanoTime() - (long) (wallBefore * 1e9);
        double emaLoss = Double.NaN;
        String detail = "";
        monitor.progress("pretrain", startStep, config.steps(), detail);
        for (long step = startStep; step < config.steps(); step++) {
            monitor.throwIfCancelled("step " + step + " (the last checkpoint is kept)");
            List<TrainingExample> batch = data.batch(step, config.batchSize());
            List<Prompt> prompts = new ArrayList<>(batch.size());
            List<int[]> targets = new ArrayList<>(batch.size());
            for (TrainingExample e : batch) {
                prompts.add(e.prompt());
                targets.add(model.encodeCompletion(e.target()));
            }
            float rate = lr.at(step);
            SftStep.Result r = stepper.run(step + 1, prompts, targets, rate, config.gradClip());
            emaLoss = Double.isNaN(emaLoss) ? r.loss() : 0.98 * emaLoss + 0.02 * r.loss();
            long done = step + 1;
            if (done % 10 == 0 || done == config.steps()) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("step", done);
                ev.put("wall_s", (System.nanoTime() - t0) / 1e9);
                ev.put("loss", r.loss());
                ev.put("lr", rate);
                ev.put("grad_norm", r.gradNorm());
                metrics.append(ev);
            }
            detail = String.format("loss %.3f", emaLoss);
            boolean last = done == config.steps();
            if (config.evalEvery() > 0 && done % config.evalEvery() == 0 || last) {
                Map<String, Object> ev = new LinkedHashMap<>();
                ev.put("step", done);
                ev.put("wall_s", (System.nanoTime() - t0) / 1e9);
                ev.put("eval", evaluator.apply(model));
                metrics.append(ev);
                detail = String.format("loss %.3f eval %s", emaLoss, summary(ev.get("eval")));
            }
            if (config.checkpointEvery() > 0 && done % config.checkpointEvery() == 0 || last) {
                TrainerCheckpoint.save(checkpoints, done, model, optimizer);
                TrainerCheckpoint.prune(checkpoints, Math.max(1, config.keepCheckpoints()));
            }
            monitor.progress("pretrain", done, config.steps(), detail);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String summary(Object eval) {
        if (eval instanceof Map<?, ?> m && m.get("average") != null) {
            Object avg = m.get("average");
            if (avg instanceof Map<?, ?> a && a.get("accuracy") instanceof Number n) {
                return String.format("%.2f", n.doubleValue());
            }
            if (avg instanceof Number n) {
                return String.format("%.2f", n.doubleValue());
            }
        }
        return "done";
    }
}
