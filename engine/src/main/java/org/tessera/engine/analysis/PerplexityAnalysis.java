package org.tessera.engine.analysis;

import org.tessera.engine.jobs.JobMonitor;

import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.VisionLanguageModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Perplexity of training data under the base model: per sample exp(mean token NLL) over the completion tokens,
 * EOS included (the tokens SFT trains on). The paper's direction argument: data the base model already finds
 * likely (low perplexity) moves prior knowledge least.
 */
public final class PerplexityAnalysis {
    private static final int BATCH = 64;

    private PerplexityAnalysis() {
    }

    /** One scored sample; {@code tokenNll} holds -log p of each completion token, EOS last. */
    public record SamplePerplexity(String kind, long step, boolean exact, double[] tokenNll, double meanNll,
                                   double perplexity) {
    }

    /** The distribution of one data kind's per-sample perplexity and mean token NLL. */
    public record KindSummary(String kind, int n, Distribution perplexity, Distribution meanNll, double meanTokens) {
    }

    /** Perplexity of the rollouts logged at one GRPO step (all samples, and exact ones). */
    public record StepSummary(long step, int n, double meanPerplexity, double medianPerplexity, int nExact,
                              double medianExactPerplexity) {
    }

    /**
     * The samples scored, and those the model cannot score (e.g. longer than its context) with the reason: a
     * kind's summary must say how many it left out rather than fail the whole analysis or hide them.
     */
    public record Scored(List<SamplePerplexity> scored, List<DataSample> kept, List<String> skipped) {
    }

    public static Scored score(VisionLanguageModel model, List<DataSample> samples) {
        return score(model, samples, JobMonitor.NONE);
    }

    /**
     * As {@link #score(VisionLanguageModel, List)}, telling {@code monitor} after each batch and asking it before
     * each: a cancel stops with a {@link java.util.concurrent.CancellationException} within one batch.
     */
    public static Scored score(VisionLanguageModel model, List<DataSample> samples, JobMonitor monitor) {
        List<SamplePerplexity> out = new ArrayList<>(samples.size());
        List<DataSample> kept = new ArrayList<>(samples.size());
        List<String> skipped = new ArrayList<>();
        for (int start = 0; start < samples.size(); start += BATCH) {
            monitor.throwIfCancelled("scoring, sample " + start + "/" + samples.size());
            List<DataSample> part = samples.subList(start, Math.min(samples.size(), start + BATCH));
            try {
                List<CompletionScore> scores = model.score(prompts(part), completions(part));
                for (int i = 0; i < part.size(); i++) {
                    out.add(of(part.get(i), scores.get(i)));
                    kept.add(part.get(i));
                }
            } catch (IllegalArgumentException batchFailed) {
                // one unscorable sample fails its batch: score that batch one by one to find it
                for (DataSample s : part) {
                    try {
                        out.add(of(s, model.score(prompts(List.of(s)), completions(List.of(s))).get(0)));
                        kept.add(s);
                    } catch (IllegalArgumentException e) {
                        skipped.add(s.kind() + ": " + e.getMessage());
                    }
                }
            }
            monitor.progress("Scoring", Math.min(samples.size(), start + BATCH), samples.size(), "");
        }
        return new Scored(out, kept, skipped);
    }

    private static List<Prompt> prompts(List<DataSample> samples) {
        return samples.stream().map(s -> s.example().prompt()).toList();
    }

    private static List<String> completions(List<DataSample> samples) {
        return samples.stream().map(s -> s.example().target()).toList();
    }

    static SamplePerplexity of(DataSample s, CompletionScore score) {
        return of(s.kind(), s.step(), s.exact(), score);
    }

    static SamplePerplexity of(String kind, long step, boolean exact, CompletionScore score) {
        double[] lp = score.tokenLogProbs();
        double[] nll = new double[lp.length];
        for (int i = 0; i < lp.length; i++) {
            nll[i] = -lp[i];
        }
        return new SamplePerplexity(kind, step, exact, nll, score.meanNll(), score.perplexity());
    }

    /** One summary per kind, in first-seen order. */
    public static List<KindSummary> byKind(List<SamplePerplexity> scored) {
        Map<String, List<SamplePerplexity>> groups = new LinkedHashMap<>();
        scored.forEach(s -> groups.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s));
        List<KindSummary> out = new ArrayList<>();
        groups.forEach((kind, list) -> out.add(new KindSummary(kind, list.size(),
                Distribution.of(list.stream().mapToDouble(SamplePerplexity::perplexity).toArray()),
                Distribution.of(list.stream().mapToDouble(SamplePerplexity::meanNll).toArray()),
                list.stream().mapToInt(s -> s.tokenNll().length).average().orElse(Double.NaN))));
        return out;
    }

    /** Perplexity against the GRPO step that logged each rollout. */
    public static List<StepSummary> byStep(List<SamplePerplexity> scored) {
        Map<Long, List<SamplePerplexity>> groups = new java.util.TreeMap<>();
        scored.stream().filter(s -> s.step() >= 0)
                .forEach(s -> groups.computeIfAbsent(s.step(), k -> new ArrayList<>()).add(s));
        List<StepSummary> out = new ArrayList<>();
        groups.forEach((step, list) -> {
            Distribution all = Distribution.of(list.stream().mapToDouble(SamplePerplexity::perplexity).toArray());
            double[] exact = list.stream().filter(SamplePerplexity::exact).mapToDouble(SamplePerplexity::perplexity)
                    .toArray();
            out.add(new StepSummary(step, list.size(), all.mean(), all.median(), exact.length,
                    Distribution.of(exact).median()));
        });
        return out;
    }
}
