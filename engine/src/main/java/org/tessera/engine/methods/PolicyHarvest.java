package org.tessera.engine.methods;

import org.tessera.engine.io.TesseraJson;

import org.tessera.engine.runs.events.HarvestEvent;
import org.tessera.engine.runs.events.HarvestedRollout;
import org.tessera.engine.runs.events.PuzzleRef;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.task.TaskSetup;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.runs.RunContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * rft-then-sft's SFT data when {@code method.harvest.from} is {@code "policy"}: at the end of the GRPO phase the
 * policy is sampled on fresh training puzzles ({@link Harvest}), the chosen rollouts are written whole to
 * {@code sft-data.jsonl} and the harvest's size, diversity and perplexity to the metrics as a {@code "harvest"}
 * event. A resumed run reads the file back: the policy has moved on since, so the harvest cannot be redone. A run
 * stopped during the harvest has no file yet, but its GRPO phase's last checkpoint: a resume takes the harvest again
 * from it, with the same seeds.
 */
final class PolicyHarvest {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;
    /** Keeps the harvest's sampling seeds apart from the GRPO phase's (seed * 1_000_003 + step). */
    private static final long SEED_SALT = 0x4841525645L;

    private PolicyHarvest() {
    }

    static List<SftData.Rollout> dataFor(Experiment e, TaskSetup task, RunContext ctx, TrainableModel policy,
                                         TrainableModel base, long step, long t0) {
        Path file = ctx.folder().sftDataFile();
        List<SftData.Rollout> taken = SftData.harvested(file, task); // empty while the file is missing or empty
        if (!taken.isEmpty()) {
            return taken;
        }
        if (step != e.method().steps()) {
            throw new IllegalStateException(file + " is missing, and the policy has trained past the GRPO phase "
                    + "(step " + step + "), so its harvest cannot be taken again");
        }
        Experiment.Harvest h = e.method().harvest();
        List<Puzzle> puzzles = new ArrayList<>(h.puzzles());
        for (int i = 0; i < h.puzzles(); i++) {
            puzzles.add(task.freshTrainPuzzle(i));
        }
        long t = System.nanoTime();
        Harvest.Sampled s = Harvest.sample(policy, task, puzzles, h.samples(), h.temperature().floatValue(),
                e.seed() * 1_000_003L + SEED_SALT, e.method().grpo().maxNewTokens(), ctx.monitor());
        double sampleSeconds = (System.nanoTime() - t) / 1e9;
        List<SftData.Rollout> kept = Harvest.select(s, h.perPuzzle(), h.perAnswer());
        write(file, step, kept);
        ctx.metric(new HarvestEvent(step, Harvest.stats(s, kept, base, task), sampleSeconds,
                (System.nanoTime() - t) / 1e9, (System.nanoTime() - t0) / 1e9));
        return kept;
    }

    private static void write(Path file, long step, List<SftData.Rollout> kept) {
        StringBuilder sb = new StringBuilder();
        try {
            for (SftData.Rollout r : kept) {
                sb.append(JSON.writeValueAsString(RunEvents.toJson(new HarvestedRollout(step,
                        PuzzleRef.of(r.puzzle()), r.completion())))).append('\n');
            }
            // whole or absent: a resume must never train on half a harvest
            AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write " + file + ": " + ex.getMessage(), ex);
        }
    }
}
