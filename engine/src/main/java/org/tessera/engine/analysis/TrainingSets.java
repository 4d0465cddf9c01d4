package org.tessera.engine.analysis;

import org.tessera.engine.jobs.JobMonitor;

import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleGenerator;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.Teacher;
import org.tessera.engine.task.TaskSetup;
import org.tessera.engine.train.TrainingExample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * The SFT data kinds of the paper built exactly as the trainers build them (see methods/SftData): answer-only
 * targets (Non-Rea), verified teacher traces with the reasoning prompt (Rea-Teacher), and a GRPO run's logged
 * rollouts (all samples, or the exact ones as Rea-Self uses) with their puzzles regenerated from the run's task.
 */
public final class TrainingSets {
    public static final List<String> KINDS = List.of("answer-only", "teacher-reasoning", "rollouts", "rollouts-exact");

    private final IntFunction<Puzzle> puzzles;
    private final PromptTemplate answerTemplate;
    private final TaskSetup task;
    private final PromptWording wording;
    private JobMonitor monitor = JobMonitor.NONE;

    private TrainingSets(IntFunction<Puzzle> puzzles, PromptTemplate answerTemplate, TaskSetup task,
                         PromptWording wording) {
        this.puzzles = puzzles;
        this.answerTemplate = answerTemplate;
        this.task = task;
        this.wording = wording;
    }

    /**
     * Training puzzles of a procedural task with this grid, drawn from {@code seed}; no rollouts. Prompts are in
     * {@code wording}, that of the model the samples are for ({@link PromptWording#of}), as are the others'.
     */
    public static TrainingSets procedural(Grid grid, long seed, PromptWording wording) {
        return puzzles(grid, PuzzleSpec.PROCEDURAL, seed, wording);
    }

    /** Training puzzles with this grid from an image source (procedural, scenery, ...), drawn from {@code seed}. */
    public static TrainingSets puzzles(Grid grid, String source, long seed, PromptWording wording) {
        PuzzleGenerator g = new PuzzleGenerator(PuzzleSpec.procedural(grid).withSource(source));
        return new TrainingSets(i -> g.puzzle(seed, i), PromptTemplate.ANSWER, null, wording);
    }

    /** The task of the GRPO run whose folder holds {@code rollouts} (its experiment.json sits beside it). */
    public static TrainingSets ofRun(Path rollouts, PromptWording wording) {
        Path experiment = new RunFolder(rollouts.toAbsolutePath().getParent()).experimentFile();
        if (!Files.isRegularFile(experiment)) {
            throw new AnalysisDataException(rollouts, "no experiment.json beside it: the rollouts' puzzles are "
                    + "regenerated from their run's task (expected " + experiment + ")");
        }
        TaskSetup t = new TaskSetup(ExperimentLoader.load(experiment), wording);
        return new TrainingSets(t::trainPuzzle, t.template(), t, wording);
    }

    /**
     * Asks {@code monitor} before each puzzle is drawn, so a cancel stops the building with a
     * {@link java.util.concurrent.CancellationException} (rendering a thousand puzzles takes seconds).
     */
    public TrainingSets monitor(JobMonitor monitor) {
        this.monitor = java.util.Objects.requireNonNull(monitor, "monitor");
        return this;
    }

    private Puzzle puzzle(int i) {
        monitor.throwIfCancelled("building samples, puzzle " + i);
        return puzzles.apply(i);
    }

    /**
     * Up to {@code n} samples of one data kind (one of {@link #KINDS}); the rollout kinds draw on {@code groups}, a
     * run's logged rollouts ({@link RolloutsFile#read}). Empty when a rollout kind has nothing to offer (a run with no
     * exact rollout has no {@code rollouts-exact} samples).
     *
     * @throws IllegalArgumentException for an unknown kind, or {@code n < 1}
     * @throws IllegalStateException    for a rollout kind on procedural puzzles (no run, no rollouts)
     */
    public List<DataSample> samples(String kind, List<RolloutsFile.Group> groups, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("the number of samples must be at least 1, got " + n);
        }
        return switch (kind) {
            case "answer-only" -> answerOnly(n);
            case "teacher-reasoning" -> teacher(n);
            case "rollouts" -> rollouts(groups, false, n);
            case "rollouts-exact" -> rollouts(groups, true, n);
            default -> throw new IllegalArgumentException("unknown data kind '" + kind + "' (known: "
                    + String.join(", ", KINDS) + ")");
        };
    }

    /** {@code n} answer-only examples: the bare answer in answer tags. */
    public List<DataSample> answerOnly(int n) {
        List<DataSample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Puzzle p = puzzle(i);
            out.add(new DataSample("answer-only", -1, true, new TrainingExample(answerTemplate.prompt(p, wording),
                    answerTemplate.completion(null, p.answer(), p.grid()))));
        }
        return out;
    }

    /** {@code n} teacher traces; puzzles the teacher gets wrong are skipped, as in training. */
    public List<DataSample> teacher(int n) {
        List<DataSample> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            if (i > n * 20 + 20) {
                throw new IllegalStateException("the teacher solved too few puzzles (" + out.size() + " of " + i + ")");
            }
            Puzzle p = puzzle(i);
            Optional<Teacher.Solution> s = Teacher.verified(p);
            s.ifPresent(sol -> out.add(new DataSample("teacher-reasoning", -1, true,
                    new TrainingExample(PromptTemplate.THINK.prompt(p, wording), sol.completion()))));
        }
        return out;
    }

    /**
     * Up to {@code n} logged rollouts (every sample, or only exact ones), taken evenly across the file so that
     * early and late steps are both represented.
     */
    public List<DataSample> rollouts(List<RolloutsFile.Group> groups, boolean exactOnly, int n) {
        return spread(all(groups, exactOnly), n);
    }

    /** Up to {@code nPerStep} rollouts of each logged step, by step (ascending). */
    public Map<Long, List<DataSample>> rolloutsByStep(List<RolloutsFile.Group> groups, boolean exactOnly,
                                                      int nPerStep) {
        Map<Long, List<DataSample>> byStep = new TreeMap<>();
        for (DataSample s : all(groups, exactOnly)) {
            byStep.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(s);
        }
        byStep.replaceAll((k, v) -> spread(v, nPerStep));
        return byStep;
    }

    private List<DataSample> all(List<RolloutsFile.Group> groups, boolean exactOnly) {
        if (task == null) {
            throw new IllegalStateException("rollouts need the run's task: use TrainingSets.ofRun");
        }
        List<DataSample> out = new ArrayList<>();
        String kind = exactOnly ? "rollouts-exact" : "rollouts";
        for (RolloutsFile.Group g : groups) {
            Puzzle p = task.regenerate(g.split(), g.seed(), g.index());
            for (RolloutsFile.Sample s : g.samples()) {
                if (!exactOnly || s.exact()) {
                    out.add(new DataSample(kind, g.step(), s.exact(), new TrainingExample(task.prompt(p),
                            s.text())));
                }
            }
        }
        return out;
    }

    /** Every k-th element so that at most n remain, spread over the whole list. */
    static <T> List<T> spread(List<T> all, int n) {
        if (all.size() <= n) {
            return all;
        }
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(all.get((int) ((long) i * all.size() / n)));
        }
        return out;
    }
}
