package org.tessera.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.tessera.engine.analysis.AnalysisData;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.analysis.DataAnalyses;
import org.tessera.engine.analysis.KlForgetting;
import org.tessera.engine.analysis.PerplexityAnalysis;
import org.tessera.engine.analysis.RolloutsFile;
import org.tessera.engine.analysis.TrainingSets;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;

/**
 * The analysis view's work, done with the engine's analysis package exactly as {@code tessera analyze} does it:
 * training data of each kind, perplexity under the base model, one-step influence on prior-knowledge probes, and
 * the KL-vs-forgetting table of a runs folder. No JavaFX: every method is blocking and runs on a worker thread.
 *
 * <p>Each computation loads its own copy of the base model and closes it when done, so the workbench's model is
 * never moved by an influence step, and no model stays in memory between analyses.
 */
public final class AnalysisService {
    /** Opens a checkpoint folder; the engine's loader in the workbench. */
    @FunctionalInterface
    public interface Loader {
        TrainableModel load(Path dir, boolean frozen);
    }

    /**
     * The data to analyse.
     *
     * @param baseModel the checkpoint folder whose perplexity and gradients are measured
     * @param run       a run folder whose task (and logged rollouts) supply the data, or null for the default puzzles
     * @param kinds     data kinds, from {@link TrainingSets#KINDS}
     * @param perKind   samples per kind (at most; a run may have fewer rollouts)
     */
    public record DataChoice(Path baseModel, Path run, List<String> kinds, int perKind) {
        public DataChoice {
            Objects.requireNonNull(baseModel, "baseModel");
            kinds = List.copyOf(kinds);
        }
    }

    /** Per-kind perplexity summaries, with notes on what was left out (unscorable samples, empty kinds). */
    public record PerplexityResult(Path model, List<PerplexityAnalysis.KindSummary> kinds, List<String> notes,
                                   int samples, double seconds) {
    }

    /** Per-kind influence on {@code probes} prior-knowledge probes. */
    public record InfluenceResult(Path model, List<DataAnalyses.InfluenceRow> kinds, int probes, long parameters, double eta,
                                  List<String> notes, double probeSeconds, double seconds) {
    }

    private final Loader loader;

    public AnalysisService(Loader loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** The service the workbench uses: the engine's own loader. */
    public static AnalysisService withEngineLoader() {
        return new AnalysisService(ModelLoader::load);
    }

    /** The chosen data, checked and its rollouts read, before any model is loaded. */
    record Data(DataChoice choice, List<RolloutsFile.Group> groups) {
    }

    /**
     * Checks the choice and reads the run's rollouts: the choice's and the file's own problems come first, before
     * a model is loaded, since they are what the user most likely needs to hear about.
     */
    Data data(DataChoice data) {
        if (data.kinds().isEmpty()) {
            throw new IllegalArgumentException("Choose at least one data kind.");
        }
        if (data.perKind() < 1) {
            throw new IllegalArgumentException("Samples per kind must be at least 1, got " + data.perKind() + ".");
        }
        boolean rolloutKinds = data.kinds().stream().anyMatch(k -> k.startsWith("rollouts"));
        if (data.run() == null) {
            if (rolloutKinds) {
                throw new IllegalArgumentException("The rollout kinds need a GRPO run: choose one whose folder holds "
                        + "a rollouts.jsonl.");
            }
            return new Data(data, List.of());
        }
        if (!Files.isDirectory(data.run())) {
            throw new AnalysisDataException(data.run(), "the run folder is missing (moved or deleted?)");
        }
        return new Data(data, rolloutKinds ? analysisData(data).readGroups() : List.of());
    }

    private static Path rolloutsOf(DataChoice data) {
        return data.run() == null ? null : new org.tessera.engine.runs.RunFolder(data.run()).rolloutsFile();
    }

    /** Perplexity of each kind's samples under the base model (exp of the mean token NLL, EOS included). */
    public PerplexityResult perplexity(DataChoice data, JobMonitor progress) {
        long t0 = System.nanoTime();
        Data checked = data(data);
        progress.progress("Loading " + data.baseModel().getFileName() + " …", 0, 0, "");
        DataAnalyses.PerplexityReport r;
        try (TrainableModel model = loader.load(data.baseModel(), true)) {
            r = DataAnalyses.perplexity(model, analysisData(data), checked.groups(), progress);
        }
        progress.progress("Done.", 1, 1, "");
        return new PerplexityResult(data.baseModel(), r.kinds(), r.notes(), r.samples().size(), seconds(t0));
    }

    /**
     * Influence of each kind on prior-knowledge probes (first order for every sample, measured for the first
     * {@code settings.measured()} of each kind), as {@code tessera analyze influence} measures it.
     *
     * @throws CancellationException when {@code progress} asks to stop (between samples)
     */
    public InfluenceResult influence(DataChoice data, DataAnalyses.InfluenceSettings settings, JobMonitor progress) {
        long t0 = System.nanoTime();
        Data checked = data(data);
        progress.progress("Loading " + data.baseModel().getFileName() + " …", 0, 0, "");
        DataAnalyses.InfluenceReport r;
        try (TrainableModel model = loader.load(data.baseModel(), false)) {
            r = DataAnalyses.influence(model, analysisData(data), checked.groups(), settings, progress);
        }
        progress.progress("Done.", 1, 1, "");
        return new InfluenceResult(data.baseModel(), r.kinds(), r.probes(), r.parameters(), r.eta(), r.notes(),
                r.probeSeconds(), seconds(t0));
    }

    private static AnalysisData analysisData(DataChoice data) {
        return AnalysisData.of(rolloutsOf(data), data.kinds(), data.perKind());
    }

    /** The KL-vs-forgetting table of a runs folder, and the runs left out because their metrics are damaged. */
    public record KlResult(Path runsDir, KlForgetting.Table table, List<String> problems) {
    }

    /** Every run of the folder with evaluation events: final KL on the task against the change in knowledge. */
    public KlResult klForgetting(Path runsDir) {
        List<String> problems = new ArrayList<>();
        KlForgetting.Table table = KlForgetting.table(runsDir, problems);
        return new KlResult(runsDir, table, problems);
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
