package org.tessera.engine.benchmarks;

import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.AnswerConvention;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.VisionLanguageModel;
import org.tessera.engine.world.SuiteResult;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The retained-knowledge suite on public benchmarks read from files: per benchmark a fixed, seeded subset of
 * {@code n} rows, one greedy generation each (scored by the benchmark's own extraction), the reference completion
 * scored for {@code nll}, and where the benchmark has options every option's completion ranked for {@code choice}.
 * The result has the world suite's shape ({@link SuiteResult}), with one family per benchmark.
 */
public final class BenchmarkSuite {
    public static final int DEFAULT_N = 100;
    public static final long DEFAULT_SEED = 20_260_101L;
    /** The task name a {@link JobMonitor} sees: done counts items generated, then items scored (2 x items in all). */
    public static final String TASK = "Benchmark suite";
    /** Generated tokens beyond the longest reference, so "The answer is (B)." still fits after a short reference. */
    static final int TOKEN_MARGIN = 16;
    /** Room for a model's own markers around prompt and completion (the tiny model's bos, sep, eos). */
    static final int TEXT_MARKERS = 4;

    private final int generateBatch;
    private final int scoreBatch;

    /**
     * 16 prompts per generate call and 64 completions per score call: a Hugging Face model's prompt carries its
     * pictures' tokens (thousands for a document page), and one call prefills its whole batch at once.
     */
    public BenchmarkSuite() {
        this(16, 64);
    }

    public BenchmarkSuite(int generateBatch, int scoreBatch) {
        if (generateBatch < 1 || scoreBatch < 1) {
            throw new IllegalArgumentException("batch sizes must be >= 1");
        }
        this.generateBatch = generateBatch;
        this.scoreBatch = scoreBatch;
    }

    /** The drawn items per benchmark (file order within one), and every row left out with the reason. */
    public record Subset(Map<String, List<BenchmarkItem>> items, List<SkippedRow> skipped) {
    }

    /** Why an item cannot be asked of a model (null: it can). */
    @FunctionalInterface
    public interface ItemCheck {
        String problem(BenchmarkItem item);
    }

    /** Items whose prompt and reference exceed the model's text limit are left out (with their size) instead of failing. */
    public static ItemCheck fits(VisionLanguageModel model) {
        int limit = model.maxTextTokens();
        return item -> {
            if (limit == Integer.MAX_VALUE) {
                return null;
            }
            int tokens = model.tokenizer().encode(item.prompt().text()).length
                    + model.tokenizer().encode(item.reference()).length + TEXT_MARKERS;
            return tokens > limit ? "the question and reference answer take " + tokens + " tokens, more than the "
                    + "model's " + limit : null;
        };
    }

    /** The subset for a model: its answer convention, and only items that fit it. */
    public static Subset draw(List<Benchmark> benchmarks, int n, long seed, VisionLanguageModel model) {
        return draw(benchmarks, n, seed, model.answerConvention(), fits(model));
    }

    public static Subset draw(List<Benchmark> benchmarks, int n, long seed, AnswerConvention convention) {
        return draw(benchmarks, n, seed, convention, item -> null);
    }

    /**
     * Up to {@code n} rows per benchmark, the same for the same files and seed: the rows in a shuffled order fixed
     * by (seed, benchmark name), the first {@code n} whose pictures decode and that {@code check} accepts (a row
     * that fails is skipped, with the reason, and the next one taken), then put back in file order. A benchmark
     * without a usable row is left out.
     */
    public static Subset draw(List<Benchmark> benchmarks, int n, long seed, AnswerConvention convention,
                              ItemCheck check) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        Map<String, List<BenchmarkItem>> items = new LinkedHashMap<>();
        List<SkippedRow> skipped = new ArrayList<>();
        for (Benchmark b : benchmarks) {
            skipped.addAll(b.skipped());
            List<BenchmarkRow> order = new ArrayList<>(b.rows());
            Collections.shuffle(order, new Random(seed * 1_000_003L + b.name().hashCode()));
            List<BenchmarkItem> chosen = new ArrayList<>();
            int next = 0;
            while (chosen.size() < n && next < order.size()) {
                List<BenchmarkRow> batch = order.subList(next, Math.min(order.size(), next + n - chosen.size()));
                next += batch.size();
                Map<BenchmarkRow, List<Picture>> got = b.images().load(batch, skipped);
                for (BenchmarkRow r : batch) {
                    if (!got.containsKey(r)) {
                        continue;
                    }
                    BenchmarkItem item = BenchmarkPrompts.item(b, r, got.get(r), convention);
                    String problem = check.problem(item);
                    if (problem == null) {
                        chosen.add(item);
                    } else {
                        skipped.add(new SkippedRow(b.file(), r.line(), problem));
                    }
                }
            }
            if (!chosen.isEmpty()) {
                chosen.sort(Comparator.comparingInt(it -> it.row().line()));
                items.put(b.name(), chosen);
            }
        }
        skipped.sort(Comparator.comparing((SkippedRow s) -> s.file().toString()).thenComparingInt(SkippedRow::line));
        return new Subset(items, skipped);
    }

    /** A measurement of a model on a folder: the scores and every row left out. */
    public record Measurement(SuiteResult result, List<SkippedRow> skipped) {
    }

    /**
     * Every row of every benchmark file was skipped: an average over no rows would read as a score of 0, so the
     * suite refuses instead, naming the folder; {@link #skipped()} says why each row was left out.
     */
    public static final class NothingToScoreException extends IllegalArgumentException {
        private final transient List<SkippedRow> skipped;

        public NothingToScoreException(Object folder, List<SkippedRow> skipped) {
            super("no row of " + folder + " could be scored: every row was skipped (" + skipped.size()
                    + (skipped.size() == 1 ? " row)" : " rows)"));
            this.skipped = List.copyOf(skipped);
        }

        public List<SkippedRow> skipped() {
            return skipped;
        }
    }

    /**
     * The check every caller makes before scoring a subset (the CLI, the workbench, a run's knowledge suite).
     *
     * @param folder names the benchmark files in the message
     * @throws NothingToScoreException when the subset has no item
     */
    public static void requireItems(Subset subset, Object folder) {
        if (subset.items().values().stream().allMatch(List::isEmpty)) {
            throw new NothingToScoreException(folder, subset.skipped());
        }
    }

    /**
     * Reads {@code folder}, draws {@code n} rows per benchmark for the model and scores them: what the workbench's
     * model view runs (the CLI's {@code eval --suite benchmarks} does the same steps, printing as it goes).
     *
     * @throws BenchmarkFolder.FolderException when the folder cannot be used at all
     * @throws NothingToScoreException when every row of it was skipped
     */
    public Measurement measure(VisionLanguageModel model, java.nio.file.Path folder, int n, long seed) {
        return measure(model, folder, n, seed, JobMonitor.NONE);
    }

    /** {@link #measure(VisionLanguageModel, java.nio.file.Path, int, long)}, reporting to {@code monitor}. */
    public Measurement measure(VisionLanguageModel model, java.nio.file.Path folder, int n, long seed,
                               JobMonitor monitor) {
        Subset subset = draw(BenchmarkFolder.read(folder), n, seed, model);
        requireItems(subset, folder);
        return new Measurement(evaluate(model, subset.items(), monitor), subset.skipped());
    }

    /** A suite run: the JSON-shaped result and every item's outcome, in the items' order. */
    public record Run(SuiteResult result, List<BenchmarkOutcome> outcomes) {
    }

    public SuiteResult evaluate(VisionLanguageModel model, Map<String, List<BenchmarkItem>> items) {
        return evaluate(model, items, JobMonitor.NONE);
    }

    public SuiteResult evaluate(VisionLanguageModel model, Map<String, List<BenchmarkItem>> items,
                                JobMonitor monitor) {
        return evaluateDetailed(model, items, monitor).result();
    }

    public Run evaluateDetailed(VisionLanguageModel model, Map<String, List<BenchmarkItem>> itemsByBenchmark) {
        return evaluateDetailed(model, itemsByBenchmark, JobMonitor.NONE);
    }

    /**
     * The result and every item's outcome, telling {@code monitor} after every batch how far it is and stopping
     * between batches (a {@link java.util.concurrent.CancellationException}) when it cancels; the batches, so the
     * numbers, are the same with or without a monitor.
     */
    public Run evaluateDetailed(VisionLanguageModel model, Map<String, List<BenchmarkItem>> itemsByBenchmark,
                                JobMonitor monitor) {
        List<BenchmarkItem> items = new ArrayList<>();
        itemsByBenchmark.values().forEach(items::addAll);
        boolean tagged = model.answerConvention().answerTags();
        List<Generation> generations = generateAll(model, items, monitor);
        double[] nll = new double[items.size()];
        List<double[]> optionScores = scoreAll(model, items, nll, monitor);
        List<BenchmarkOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            BenchmarkItem item = items.get(i);
            Generation g = generations.get(i);
            BenchmarkScoring.Scored s = BenchmarkScoring.score(item, g.text(), tagged);
            double[] lp = optionScores.get(i);
            outcomes.add(new BenchmarkOutcome(item, g.text(), s.extracted(), s.score(), s.wellFormed(),
                    item.kind().hasOptions() && strictlyFirst(item.referenceIndex(), lp), lp, nll[i]));
        }
        return new Run(summarise(model.card().name(), itemsByBenchmark, outcomes), outcomes);
    }

    private List<Generation> generateAll(VisionLanguageModel model, List<BenchmarkItem> items, JobMonitor monitor) {
        int longest = 1;
        for (BenchmarkItem item : items) {
            longest = Math.max(longest, model.tokenizer().encode(item.reference()).length);
        }
        GenerationOptions options = GenerationOptions.greedy(longest + TOKEN_MARGIN);
        List<Generation> out = new ArrayList<>();
        long total = 2L * items.size();
        monitor.progress(TASK, 0, total, "generating answers");
        for (int from = 0; from < items.size(); from += generateBatch) {
            monitor.throwIfCancelled("item " + from + " of " + items.size() + " (generating)");
            List<Prompt> prompts = items.subList(from, Math.min(items.size(), from + generateBatch)).stream()
                    .map(BenchmarkItem::prompt).toList();
            for (List<Generation> samples : model.generate(prompts, options)) {
                out.add(samples.get(0));
            }
            monitor.progress(TASK, out.size(), total, "generating answers");
        }
        return out;
    }

    /** The reference completions' NLL into {@code nll}; returns each item's option log-likelihoods. */
    private List<double[]> scoreAll(VisionLanguageModel model, List<BenchmarkItem> items, double[] nll,
                                    JobMonitor monitor) {
        List<double[]> options = new ArrayList<>();
        long total = 2L * items.size();
        for (int from = 0; from < items.size(); from += scoreBatch) {
            monitor.throwIfCancelled("item " + from + " of " + items.size() + " (scoring)");
            List<BenchmarkItem> batch = items.subList(from, Math.min(items.size(), from + scoreBatch));
            List<CompletionScore> refs = model.score(batch.stream().map(BenchmarkItem::prompt).toList(),
                    batch.stream().map(BenchmarkItem::reference).toList());
            for (int i = 0; i < batch.size(); i++) {
                nll[from + i] = refs.get(i).meanNll();
            }
            List<BenchmarkItem> withOptions = batch.stream().filter(it -> !it.candidates().isEmpty()).toList();
            List<double[]> ranked = withOptions.isEmpty() ? List.of() : model.scoreContinuations(
                    withOptions.stream().map(BenchmarkItem::prompt).toList(),
                    withOptions.stream().map(BenchmarkItem::prefix).toList(),
                    withOptions.stream().map(BenchmarkItem::candidates).toList());
            int k = 0;
            for (BenchmarkItem it : batch) {
                options.add(it.candidates().isEmpty() ? new double[0] : ranked.get(k++));
            }
            monitor.progress(TASK, items.size() + options.size(), total, "scoring answers");
        }
        return options;
    }

    /** A tie with a wrong option is not knowing the answer. */
    static boolean strictlyFirst(int ref, double[] logProbs) {
        if (ref < 0 || logProbs.length == 0) {
            return false;
        }
        for (int c = 0; c < logProbs.length; c++) {
            if (c != ref && !(logProbs[ref] > logProbs[c])) {
                return false;
            }
        }
        return true;
    }

    /**
     * Per benchmark the means over its items; {@code choice} is NaN (written as null) for a benchmark without
     * options, and the average's {@code choice} is the mean over the benchmarks that have options.
     */
    static SuiteResult summarise(String model, Map<String, List<BenchmarkItem>> itemsByBenchmark,
                                 List<BenchmarkOutcome> outcomes) {
        Map<String, SuiteResult.FamilyScore> families = new LinkedHashMap<>();
        int k = 0;
        double acc = 0;
        double fmt = 0;
        double nll = 0;
        double choice = 0;
        int withChoice = 0;
        for (Map.Entry<String, List<BenchmarkItem>> e : itemsByBenchmark.entrySet()) {
            int n = e.getValue().size();
            double a = 0;
            double f = 0;
            double c = 0;
            double l = 0;
            for (int i = 0; i < n; i++, k++) {
                BenchmarkOutcome o = outcomes.get(k);
                a += o.score();
                f += o.wellFormed() ? 1 : 0;
                c += o.choiceCorrect() ? 1 : 0;
                l += o.referenceNll();
            }
            int d = Math.max(1, n);
            boolean options = !e.getValue().isEmpty() && e.getValue().get(0).kind().hasOptions();
            families.put(e.getKey(), new SuiteResult.FamilyScore(a / d, f / d, options ? c / d : Double.NaN, l / d, n));
            acc += a / d;
            fmt += f / d;
            nll += l / d;
            if (options) {
                choice += c / d;
                withChoice++;
            }
        }
        int f = Math.max(1, families.size());
        return new SuiteResult(SuiteResult.SUITE, model, families, new SuiteResult.Average(acc / f, fmt / f,
                withChoice == 0 ? Double.NaN : choice / withChoice, nll / f));
    }
}
