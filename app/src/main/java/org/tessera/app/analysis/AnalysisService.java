package org.tessera.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import org.tessera.engine.analysis.AnalysisData;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.analysis.DataSample;
import org.tessera.engine.analysis.Distribution;
import org.tessera.engine.analysis.InfluenceAnalysis;
import org.tessera.engine.analysis.InfluenceProbe;
import org.tessera.engine.analysis.InfluenceSummary;
import org.tessera.engine.analysis.KlForgetting;
import org.tessera.engine.analysis.PerplexityAnalysis;
import org.tessera.engine.analysis.RolloutsFile;
import org.tessera.engine.analysis.TrainingSets;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.analysis.VlmLogProbModel;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.KnowledgeSuite;

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

    /** One kind's influence and the median perplexity of the samples it was measured on. */
    public record InfluenceRow(InfluenceSummary summary, double medianPerplexity) {
    }

    /** Per-kind influence on {@code probes} prior-knowledge probes. */
    public record InfluenceResult(Path model, List<InfluenceRow> kinds, int probes, long parameters, double eta,
                                  List<String> notes, double probeSeconds, double seconds) {
    }

    /** Influence settings: probes, SGD step size, and how many samples per kind also get the measured step. */
    public record InfluenceSettings(int probes, double eta, int measured) {
        public InfluenceSettings {
            if (probes < 1) {
                throw new IllegalArgumentException("probes must be at least 1, got " + probes);
            }
            if (!(eta > 0) || !Double.isFinite(eta)) {
                throw new IllegalArgumentException("eta must be a positive number, got " + eta);
            }
            if (measured < 0) {
                throw new IllegalArgumentException("measured samples must be 0 or more, got " + measured);
            }
        }
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
        return new Data(data, rolloutKinds ? AnalysisData.of(rolloutsOf(data), data.kinds(), data.perKind()).readGroups()
                : List.of());
    }

    /**
     * The training samples of each chosen kind, in the order chosen, their prompts worded for the model that reads
     * them; kinds with no samples become notes.
     */
    Map<String, List<DataSample>> samples(Data checked, PromptWording wording, List<String> notes,
                                          java.util.function.BooleanSupplier cancelled) {
        DataChoice data = checked.choice();
        List<String> missing = new ArrayList<>();
        Map<String, List<DataSample>> out = AnalysisData.of(rolloutsOf(data), data.kinds(), data.perKind())
                .samples(checked.groups(), wording, cancelled, missing);
        missing.forEach(kind -> notes.add(kind + ": the run logged no such samples; left out."));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("None of the chosen kinds has samples: " + String.join(" ", notes));
        }
        return out;
    }

    private static Path rolloutsOf(DataChoice data) {
        return data.run() == null ? null : new org.tessera.engine.runs.RunFolder(data.run()).rolloutsFile();
    }

    /** Perplexity of each kind's samples under the base model (exp of the mean token NLL, EOS included). */
    public PerplexityResult perplexity(DataChoice data, JobMonitor progress) {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Data checked = data(data);
        progress.progress("Loading " + data.baseModel().getFileName() + " …", 0, 0, "");
        List<PerplexityAnalysis.SamplePerplexity> scored = new ArrayList<>();
        try (TrainableModel model = loader.load(data.baseModel(), true)) {
            progress.progress("Building the samples …", 0, 0, "");
            Map<String, List<DataSample>> byKind = samples(checked, PromptWording.of(model), notes,
                    progress::cancelled);
            int done = 0;
            for (Map.Entry<String, List<DataSample>> e : byKind.entrySet()) {
                progress.throwIfCancelled("scoring " + e.getKey());
                progress.progress("Scoring " + e.getKey() + " (" + e.getValue().size() + " samples) …", done,
                        byKind.size(), "");
                PerplexityAnalysis.Scored s = PerplexityAnalysis.score(model, e.getValue(), progress::cancelled);
                scored.addAll(s.scored());
                noteSkipped(e.getKey(), s.skipped(), notes);
                done++;
            }
        }
        if (scored.isEmpty()) {
            throw new IllegalStateException("The model could score none of the samples. " + String.join(" ", notes));
        }
        progress.progress("Done.", 1, 1, "");
        return new PerplexityResult(data.baseModel(), PerplexityAnalysis.byKind(scored), notes, scored.size(),
                seconds(t0));
    }

    /**
     * Influence of each kind on prior-knowledge probes (first order for every sample, measured for the first
     * {@code settings.measured()} of each kind). Samples the model cannot take are dropped first, as the CLI does.
     *
     * @throws CancellationException when {@code progress} asks to stop (between samples)
     */
    public InfluenceResult influence(DataChoice data, InfluenceSettings settings, JobMonitor progress) {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Data checked = data(data);
        List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(settings.probes(),
                KnowledgeSuite.DEFAULT_SEED);
        progress.progress("Loading " + data.baseModel().getFileName() + " …", 0, 0, "");
        try (TrainableModel model = loader.load(data.baseModel(), false)) {
            progress.progress("Building the samples …", 0, 0, "");
            Map<String, List<DataSample>> byKind = samples(checked, PromptWording.of(model), notes,
                    progress::cancelled);
            Map<String, List<DataSample>> kept = new LinkedHashMap<>();
            Map<String, Double> medians = new LinkedHashMap<>();
            for (Map.Entry<String, List<DataSample>> e : byKind.entrySet()) {
                progress.throwIfCancelled("scoring " + e.getKey());
                progress.progress("Scoring " + e.getKey() + " …", 0, 0, "");
                PerplexityAnalysis.Scored s = PerplexityAnalysis.score(model, e.getValue(), progress::cancelled);
                noteSkipped(e.getKey(), s.skipped(), notes);
                if (!s.kept().isEmpty()) {
                    kept.put(e.getKey(), s.kept());
                    medians.put(e.getKey(), Distribution.of(s.scored().stream()
                            .mapToDouble(PerplexityAnalysis.SamplePerplexity::perplexity).toArray()).median());
                }
            }
            if (kept.isEmpty()) {
                throw new IllegalStateException("The model could take none of the samples. " + String.join(" ", notes));
            }
            progress.throwIfCancelled("the probe gradients");
            progress.progress("Probe gradients (" + probes.size() + " prior-knowledge samples) …", 0, 0, "");
            int total = kept.values().stream().mapToInt(List::size).sum();
            try (InfluenceProbe<TrainingExample> probe = new InfluenceProbe<>(new VlmLogProbModel(model), probes,
                    progress::cancelled)) {
                int[] before = {0};
                InfluenceAnalysis analysis = new InfluenceAnalysis(probe, settings.eta(), new JobMonitor() {
                    @Override
                    public void progress(String group, long done, long n, String detail) {
                        progress.progress("Influence", before[0] + done, total, group + ": " + done + "/" + n);
                    }

                    @Override
                    public boolean cancelled() {
                        return progress.cancelled();
                    }
                });
                List<InfluenceRow> rows = new ArrayList<>();
                for (Map.Entry<String, List<DataSample>> e : kept.entrySet()) {
                    InfluenceSummary s = analysis.group(e.getKey(), e.getValue(), settings.measured());
                    rows.add(new InfluenceRow(s, medians.get(e.getKey())));
                    before[0] += e.getValue().size();
                }
                progress.progress("Done.", 1, 1, "");
                return new InfluenceResult(data.baseModel(), rows, probe.size(), probe.parameterCount(),
                        settings.eta(), notes, probe.buildSeconds(), seconds(t0));
            }
        }
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

    private static void noteSkipped(String kind, List<String> skipped, List<String> notes) {
        if (!skipped.isEmpty()) {
            // each reason starts with "kind: "; keep the first as the example
            notes.add(kind + ": " + skipped.size() + " samples the model cannot take were left out, e.g. "
                    + skipped.get(0).substring(kind.length() + 2));
        }
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
