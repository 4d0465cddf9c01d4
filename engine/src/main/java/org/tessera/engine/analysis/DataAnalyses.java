package org.tessera.engine.analysis;

import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.KnowledgeSuite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data analyses of the paper, done one way for {@code tessera analyze} and the workbench's Analysis view: the
 * samples of each kind ({@link AnalysisData}), their perplexity under a model, and their one-step influence on
 * prior-knowledge probes. Callers check their own inputs, load the model and present the report; the order of the
 * work, what is left out and the notes that say so live here. Every step reports to and can be stopped by the
 * {@link JobMonitor}.
 */
public final class DataAnalyses {
    private DataAnalyses() {
    }

    /**
     * Every sample's perplexity, summarised per kind and, for logged rollouts, per GRPO step.
     *
     * @param skipped the samples the model could not score, each as "kind: reason"
     * @param notes   what was left out and why, one sentence each, for the user
     */
    public record PerplexityReport(List<PerplexityAnalysis.SamplePerplexity> samples,
                                   List<PerplexityAnalysis.KindSummary> kinds,
                                   List<PerplexityAnalysis.StepSummary> steps, List<String> skipped,
                                   List<String> notes) {
    }

    /**
     * Influence settings.
     *
     * @param probes   prior-knowledge probes, spread over the knowledge families
     * @param eta      the SGD step size (small enough that the step stays in the linear regime)
     * @param measured samples per kind whose one-step change is also measured
     * @param perStep  with a run's rollouts: also this many rollouts of every logged GRPO step (0: none)
     */
    public record InfluenceSettings(int probes, double eta, int measured, int perStep) {
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
            if (perStep < 0) {
                throw new IllegalArgumentException("rollouts per step must be 0 or more, got " + perStep);
            }
        }
    }

    /** One kind's influence and the median perplexity of the samples it was measured on. */
    public record InfluenceRow(InfluenceSummary summary, double medianPerplexity) {
    }

    /** Per-kind (and per-step) influence on {@code probes} prior-knowledge probes of {@code parameters} weights. */
    public record InfluenceReport(List<InfluenceRow> kinds, Map<Long, InfluenceSummary> steps, int probes,
                                  long parameters, double eta, double probeSeconds, List<String> notes) {
    }

    /**
     * Up to {@code data.perKind()} samples of each kind, worded for the model that reads them; a kind with none
     * becomes a note.
     *
     * @throws IllegalArgumentException when no kind has a sample
     */
    public static Map<String, List<DataSample>> samples(AnalysisData data, List<RolloutsFile.Group> groups,
                                                        PromptWording wording, JobMonitor monitor,
                                                        List<String> notes) {
        monitor.progress("Building the samples", 0, 0, "");
        List<String> missing = new ArrayList<>();
        Map<String, List<DataSample>> out = data.samples(groups, wording, monitor, missing);
        missing.forEach(kind -> notes.add(kind + ": the run logged no such samples; left out."));
        if (out.isEmpty()) {
            throw new IllegalArgumentException("None of the chosen kinds has samples: " + String.join(" ", notes));
        }
        return out;
    }

    /**
     * Perplexity of each kind's samples under {@code model} (exp of the mean token NLL, EOS included), all kinds
     * scored as one list.
     *
     * @throws IllegalStateException when the model can score none of the samples
     */
    public static PerplexityReport perplexity(TrainableModel model, AnalysisData data, List<RolloutsFile.Group> groups,
                                              JobMonitor monitor) {
        List<String> notes = new ArrayList<>();
        Map<String, List<DataSample>> byKind = samples(data, groups, PromptWording.of(model), monitor, notes);
        List<DataSample> all = new ArrayList<>();
        byKind.values().forEach(all::addAll);
        PerplexityAnalysis.Scored s = PerplexityAnalysis.score(model, all, monitor);
        for (String kind : byKind.keySet()) {
            noteSkipped(kind, s.skipped(), notes);
        }
        if (s.scored().isEmpty()) {
            throw new IllegalStateException("The model could score none of the samples. " + String.join(" ", notes));
        }
        List<PerplexityAnalysis.SamplePerplexity> rollouts = s.scored().stream()
                .filter(p -> p.kind().equals("rollouts")).toList();
        return new PerplexityReport(s.scored(), PerplexityAnalysis.byKind(s.scored()),
                PerplexityAnalysis.byStep(rollouts), s.skipped(), notes);
    }

    /**
     * Influence of each kind on prior-knowledge probes: first order for every sample, measured for the first
     * {@code settings.measured()} of each kind. Samples the model cannot take (e.g. longer than its context) are
     * dropped first, by scoring them, which also gives the perplexity the paper relates influence to. The model
     * must be trainable; its weights are as they were when this returns (or throws).
     *
     * @throws IllegalStateException when the model can take none of the samples
     */
    public static InfluenceReport influence(TrainableModel model, AnalysisData data, List<RolloutsFile.Group> groups,
                                            InfluenceSettings settings, JobMonitor monitor) {
        List<String> notes = new ArrayList<>();
        Map<String, List<DataSample>> byKind = samples(data, groups, PromptWording.of(model), monitor, notes);
        Map<String, List<DataSample>> kept = new LinkedHashMap<>();
        Map<String, Double> medians = new LinkedHashMap<>();
        for (Map.Entry<String, List<DataSample>> e : byKind.entrySet()) {
            PerplexityAnalysis.Scored s = PerplexityAnalysis.score(model, e.getValue(), monitor);
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
        Map<Long, List<DataSample>> bySteps = new LinkedHashMap<>();
        if (settings.perStep() > 0 && data.rollouts() != null) {
            data.sets(PromptWording.of(model)).monitor(monitor).rolloutsByStep(groups, false, settings.perStep())
                    .forEach((step, list) -> bySteps.put(step, PerplexityAnalysis.score(model, list, monitor).kept()));
        }
        List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(settings.probes(),
                KnowledgeSuite.DEFAULT_SEED);
        try (InfluenceProbe<TrainingExample> probe = new InfluenceProbe<>(new VlmLogProbModel(model), probes,
                monitor)) {
            InfluenceAnalysis analysis = new InfluenceAnalysis(probe, settings.eta(), inTotal(monitor, kept, bySteps));
            List<InfluenceRow> rows = new ArrayList<>();
            for (Map.Entry<String, List<DataSample>> e : kept.entrySet()) {
                rows.add(new InfluenceRow(analysis.group(e.getKey(), e.getValue(), settings.measured()),
                        medians.get(e.getKey())));
            }
            Map<Long, InfluenceSummary> steps = analysis.bySteps(bySteps,
                    Math.min(settings.measured(), settings.perStep()));
            return new InfluenceReport(rows, steps, probe.size(), probe.parameterCount(), settings.eta(),
                    probe.buildSeconds(), notes);
        }
    }

    /**
     * The influence measurement's per-group counts as one "Influence" task over every sample of every group, so a
     * progress bar fills once; the group and its own count go into the detail.
     */
    private static JobMonitor inTotal(JobMonitor monitor, Map<String, List<DataSample>> kinds,
                                      Map<Long, List<DataSample>> steps) {
        long total = kinds.values().stream().mapToLong(List::size).sum()
                + steps.values().stream().mapToLong(List::size).sum();
        return new JobMonitor() {
            private String group;
            private long before;
            private long last;

            @Override
            public void progress(String name, long done, long n, String detail) {
                if (!name.equals(group)) {
                    group = name;
                    before += last;
                }
                last = done;
                monitor.progress("Influence", before + done, total, name + ": " + done + "/" + n);
            }

            @Override
            public boolean cancelled() {
                return monitor.cancelled();
            }
        };
    }

    /** Each skipped sample's reason starts with "kind: "; one note per kind, with its first reason as the example. */
    private static void noteSkipped(String kind, List<String> skipped, List<String> notes) {
        List<String> mine = skipped.stream().filter(s -> s.startsWith(kind + ": ")).toList();
        if (!mine.isEmpty()) {
            notes.add(kind + ": " + mine.size() + " samples the model cannot take were left out, e.g. "
                    + mine.get(0).substring(kind.length() + 2));
        }
    }
}
