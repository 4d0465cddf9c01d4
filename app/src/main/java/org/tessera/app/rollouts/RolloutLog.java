package org.tessera.app.rollouts;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.RewardBreakdown;
import org.tessera.engine.runs.events.RolloutGroup;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.task.TaskSetup;
import org.tessera.engine.runs.RunFolder;

/**
 * A run's rollouts.jsonl read whole (on a worker thread), with the run's task so each logged puzzle can be
 * regenerated exactly as the model saw it. Damaged lines are counted and skipped, not fatal: a run that crashed
 * mid-write must still be inspectable.
 */
public record RolloutLog(RunFolder run, TaskSetup task, List<Group> groups, int skippedLines) {
    private static final ObjectMapper JSON = TesseraJson.LENIENT;

    /** One logged GRPO group: a puzzle and the samples drawn for it at a step. */
    public record Group(long step, String puzzleId, String split, long seed, int index, boolean zeroSpread,
                        List<Sample> samples) {
        public double meanReward() {
            return samples.stream().mapToDouble(s -> s.reward().total()).average().orElse(0);
        }
    }

    public record Sample(int number, String text, String parse, RewardBreakdown reward, double advantage,
                         boolean exact, double logprobPolicy, double logprobBase, int tokens) {
    }

    public static RolloutLog read(RunFolder run) throws IOException {
        Experiment experiment = ExperimentLoader.load(run.experimentFile());
        TaskSetup task = new TaskSetup(experiment);
        List<Group> groups = new ArrayList<>();
        int skipped = 0;
        if (!Files.isRegularFile(run.rolloutsFile())) {
            throw new IOException(run.rolloutsFile() + ": no rollouts logged (only GRPO runs log them, every "
                    + "rollouts.log_every steps)");
        }
        for (String line : Files.readAllLines(run.rolloutsFile())) {
            if (line.isBlank()) {
                continue;
            }
            try {
                groups.add(group(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                skipped++;
            }
        }
        return new RolloutLog(run, task, List.copyOf(groups), skipped);
    }

    private static Group group(JsonNode n) {
        RolloutGroup g = RunEvents.rolloutGroup(n);
        List<Sample> samples = new ArrayList<>();
        int i = 1;
        for (RolloutGroup.Sample s : g.samples()) {
            if (s.reward() == null) {
                throw new IllegalArgumentException("samples[" + (i - 1) + "].reward is missing"); // counted as skipped
            }
            samples.add(new Sample(i++, s.text(), s.parse(), s.reward(), s.advantage(), s.exact(), s.logprobPolicy(),
                    s.logprobBase(), s.tokens()));
        }
        return new Group(g.step(), g.puzzle().id(), g.puzzle().split(), g.puzzle().seed(), g.puzzle().index(),
                g.zeroSpread(), List.copyOf(samples));
    }
}
