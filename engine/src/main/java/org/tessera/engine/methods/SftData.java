package org.tessera.engine.methods;

import org.tessera.engine.runs.events.HarvestedRollout;
import org.tessera.engine.runs.events.PuzzleRef;
import org.tessera.engine.runs.events.RolloutGroup;
import org.tessera.engine.runs.events.RunEvents;

import org.tessera.engine.task.TaskSetup;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.Teacher;
import org.tessera.engine.train.JsonlFiles;
import org.tessera.engine.train.TrainingExample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three SFT data kinds of the paper, as training examples for a step:
 * {@code answer-only} (Non-Rea: the bare answer), {@code teacher-reasoning} (Rea-Teacher: the algorithmic teacher's
 * trace, only when its answer is right) and {@code self-rollouts} (Rea-Self: the policy's own exact rollouts).
 */
final class SftData {
    /** A correct completion of a puzzle, e.g. harvested from GRPO rollouts. */
    record Rollout(Puzzle puzzle, String completion) {
    }

    private final TaskSetup task;
    private final String kind;
    private final List<Rollout> rollouts;

    private SftData(TaskSetup task, String kind, List<Rollout> rollouts) {
        this.task = task;
        this.kind = kind;
        this.rollouts = rollouts;
    }

    static SftData answerOnly(TaskSetup task) {
        return new SftData(task, "answer-only", List.of());
    }

    static SftData teacher(TaskSetup task) {
        return new SftData(task, "teacher-reasoning", List.of());
    }

    static SftData selfRollouts(TaskSetup task, List<Rollout> rollouts) {
        if (rollouts.isEmpty()) {
            throw new IllegalStateException("self-rollout SFT has no data: no rollout reached exact accuracy 1");
        }
        return new SftData(task, "self-rollouts", List.copyOf(rollouts));
    }

    String kind() {
        return kind;
    }

    int size() {
        return rollouts.size();
    }

    /** The examples of one step, a pure function of the step (so resume sees the same data). */
    List<TrainingExample> batch(long step, int size) {
        List<TrainingExample> out = new ArrayList<>(size);
        if (kind.equals("self-rollouts")) {
            for (int k = 0; k < size; k++) {
                Rollout r = rollouts.get((int) ((step * size + k) % rollouts.size()));
                out.add(new TrainingExample(task.prompt(r.puzzle()), r.completion()));
            }
            return out;
        }
        int k = 0;
        int attempts = 0;
        while (out.size() < size) {
            Puzzle p = task.trainPuzzle(task.trainIndex(step, size, k++ % Math.max(1, size * 4)));
            attempts++;
            if (kind.equals("answer-only")) {
                out.add(new TrainingExample(task.prompt(p), task.template().completion(null, p.answer(),
                        p.grid())));
            } else {
                Optional<Teacher.Solution> s = Teacher.verified(p);
                // a puzzle the teacher gets wrong is skipped (its traces must be correct)
                s.ifPresent(sol -> out.add(new TrainingExample(org.tessera.engine.jigsaw.PromptTemplate.THINK.prompt(p, task.wording()),
                        sol.completion())));
                if (attempts > size * 20) {
                    throw new IllegalStateException("the teacher solved too few training puzzles to fill a batch");
                }
            }
        }
        return out;
    }

    /** Exact rollouts recorded in a rollouts.jsonl (every sample with "exact": true), puzzles regenerated. */
    static List<Rollout> readRollouts(Path file, TaskSetup task) {
        List<JsonNode> lines = JsonlFiles.read(file);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": no rollouts (missing or empty file)");
        }
        List<Rollout> out = new ArrayList<>();
        for (JsonNode line : lines) {
            RolloutGroup g = parsed(file, line, RunEvents::rolloutGroup);
            Puzzle p = regenerate(task, g.puzzle());
            for (RolloutGroup.Sample s : g.samples()) {
                if (s.exact()) {
                    out.add(new Rollout(p, s.text()));
                }
            }
        }
        return out;
    }

    /** The rollouts of an rft-then-sft harvest file (harvest.jsonl or sft-data.jsonl), puzzles regenerated. */
    static List<Rollout> harvested(Path file, TaskSetup task) {
        List<Rollout> out = new ArrayList<>();
        for (JsonNode line : JsonlFiles.read(file)) {
            HarvestedRollout r = parsed(file, line, RunEvents::harvestedRollout);
            out.add(new Rollout(regenerate(task, r.puzzle()), r.text()));
        }
        return out;
    }

    private static Puzzle regenerate(TaskSetup task, PuzzleRef ref) {
        return task.regenerate(ref.split(), ref.seed(), ref.index());
    }

    private static <T> T parsed(Path file, JsonNode line, Function<JsonNode, T> reader) {
        try {
            return reader.apply(line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": a line is not readable: " + e.getMessage(), e);
        }
    }
}
