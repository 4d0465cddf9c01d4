package org.tessera.engine.analysis;

import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.jobs.JobMonitor;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The training data an analysis reads, built one way for {@code tessera analyze} and the workbench's Analysis view:
 * a GRPO run's logged rollouts (and that run's task for the other kinds), or, without a run, procedural puzzles of
 * {@code grid} from {@code source} with {@code seed}; up to {@code perKind} samples of each kind. Each caller checks
 * its own inputs and words its own messages; the defaults, the reading and the building live here.
 *
 * @param rollouts a run's rollouts.jsonl, or null for puzzles without a run
 */
public record AnalysisData(Path rollouts, Grid grid, String source, long seed, List<String> kinds, int perKind) {
    /** Without a run: the sample experiments' task (2x2 scenery puzzles), training seed 1. */
    public static final String DEFAULT_GRID = "2x2";
    public static final String DEFAULT_SOURCE = "scenery";
    public static final long DEFAULT_SEED = 1;

    public AnalysisData {
        kinds = List.copyOf(kinds);
        Objects.requireNonNull(grid, "grid");
        Objects.requireNonNull(source, "source");
    }

    /** Without a run, or with one: the defaults for the puzzles. */
    public static AnalysisData of(Path rollouts, List<String> kinds, int perKind) {
        return new AnalysisData(rollouts, Grid.parse(DEFAULT_GRID), DEFAULT_SOURCE, DEFAULT_SEED, kinds, perKind);
    }

    /** The kinds analysed when none are chosen: the first two, and both rollout kinds with a run. */
    public static List<String> defaultKinds(boolean withRun) {
        return withRun ? TrainingSets.KINDS : List.of("answer-only", "teacher-reasoning");
    }

    /** The run's logged rollout groups (empty without a run): read before any model loads, problems first. */
    public List<RolloutsFile.Group> readGroups() {
        return rollouts == null ? List.of() : RolloutsFile.read(rollouts);
    }

    /** The training sets the samples come from: the run's task and rollouts, or the puzzles. */
    public TrainingSets sets(PromptWording wording) {
        return rollouts != null ? TrainingSets.ofRun(rollouts, wording) : TrainingSets.puzzles(grid, source, seed, wording);
    }

    /**
     * Up to {@link #perKind} samples of each kind, prompts worded for the model that will read them; a kind the run
     * logged none of is left out and named in {@code missing}. {@code monitor} is asked before each puzzle.
     */
    public Map<String, List<DataSample>> samples(List<RolloutsFile.Group> groups, PromptWording wording,
                                                 JobMonitor monitor, List<String> missing) {
        TrainingSets sets = sets(wording).monitor(monitor);
        Map<String, List<DataSample>> out = new LinkedHashMap<>();
        for (String kind : kinds) {
            List<DataSample> samples = sets.samples(kind, groups, perKind);
            if (samples.isEmpty()) {
                missing.add(kind);
            } else {
                out.put(kind, samples);
            }
        }
        return out;
    }
}
