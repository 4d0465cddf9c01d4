package org.tessera.engine.world;

import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.VisionLanguageModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The retained-knowledge suite: every family on held-out items, scored four ways (issue 8). All families share
 * one greedy generation pass and one scoring pass, each cut into a few large batches, since the per-call overhead
 * dominates for a small model.
 */
public final class KnowledgeSuite {
    /** The task name a {@link JobMonitor} sees: done counts items generated, then items scored (2 x items in all). */
    public static final String TASK = "Knowledge suite";
    /** Default items per family: 600 generations and about 3,000 scored completions in all. */
    public static final int DEFAULT_N = 100;
    public static final long DEFAULT_SEED = 20_260_101L;
    /** Extra generated tokens beyond the longest reference, so a slightly longer answer can still close its tags. */
    private static final int TOKEN_MARGIN = 4;

    private final int generateBatch;
    private final int scoreBatch;

    public KnowledgeSuite() {
        this(256, 1024);
    }

    /** @param generateBatch prompts per generate call; @param scoreBatch completions per score call */
    public KnowledgeSuite(int generateBatch, int scoreBatch) {
        if (generateBatch < 1 || scoreBatch < 1) {
            throw new IllegalArgumentException("batch sizes must be >= 1");
        }
        this.generateBatch = generateBatch;
        this.scoreBatch = scoreBatch;
    }

    /** The held-out items the suite asks: {@code nPerFamily} per family, the same for the same seed. */
    public static Map<String, List<KnowledgeItem>> heldOutItems(int nPerFamily, long seed) {
        Map<String, List<KnowledgeItem>> out = new LinkedHashMap<>();
        for (KnowledgeFamily f : Families.all()) {
            out.put(f.name(), new FamilySampler(f, Split.HELD_OUT, seed).items(nPerFamily));
        }
        return out;
    }

    public SuiteResult evaluate(VisionLanguageModel model, int nPerFamily, long seed) {
        return evaluate(model, nPerFamily, seed, JobMonitor.NONE);
    }

    public SuiteResult evaluate(VisionLanguageModel model, int nPerFamily, long seed, JobMonitor monitor) {
        return evaluate(model, heldOutItems(nPerFamily, seed), monitor);
    }

    public SuiteResult evaluate(VisionLanguageModel model, Map<String, List<KnowledgeItem>> items) {
        return evaluate(model, items, JobMonitor.NONE);
    }

    public SuiteResult evaluate(VisionLanguageModel model, Map<String, List<KnowledgeItem>> items,
                                JobMonitor monitor) {
        return evaluateDetailed(model, items, monitor).result();
    }

    /** The result and every item's outcome. */
    public Run evaluateDetailed(VisionLanguageModel model, Map<String, List<KnowledgeItem>> itemsByFamily) {
        return evaluateDetailed(model, itemsByFamily, JobMonitor.NONE);
    }

    /**
     * The result and every item's outcome, telling {@code monitor} after every batch how far it is and stopping
     * between batches (a {@link java.util.concurrent.CancellationException}) when it cancels. The batches are the
     * same with or without a monitor, so are the numbers.
     */
    public Run evaluateDetailed(VisionLanguageModel model, Map<String, List<KnowledgeItem>> itemsByFamily,
                                JobMonitor monitor) {
        List<KnowledgeItem> items = new ArrayList<>();
        itemsByFamily.values().forEach(items::addAll);
        List<Generation> generations = generateAll(model, items, monitor);
        List<double[]> candidateScores = new ArrayList<>();
        double[] referenceNll = new double[items.size()];
        scoreAll(model, items, candidateScores, referenceNll, monitor);

        List<ItemOutcome> outcomes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            KnowledgeItem item = items.get(i);
            Generation g = generations.get(i);
            double[] lp = candidateScores.get(i);
            outcomes.add(new ItemOutcome(item, g.text(), Completions.parseAnswer(g.text()),
                    Completions.correct(item, g.text()), Completions.wellFormed(item, g.text(), g.stoppedAtEos()),
                    referenceRanksFirst(item, lp), lp, referenceNll[i]));
        }
        return new Run(summarise(model.card().name(), itemsByFamily, outcomes), outcomes);
    }

    /** A suite run: the JSON-shaped result and the per-item outcomes, in the items' order. */
    public record Run(SuiteResult result, List<ItemOutcome> outcomes) {
    }

    private List<Generation> generateAll(VisionLanguageModel model, List<KnowledgeItem> items, JobMonitor monitor) {
        int maxTokens = 1;
        for (KnowledgeItem item : items) {
            maxTokens = Math.max(maxTokens, model.tokenizer().encode(item.target()).length);
        }
        GenerationOptions options = GenerationOptions.greedy(maxTokens + TOKEN_MARGIN);
        List<Generation> out = new ArrayList<>(items.size());
        long total = 2L * items.size();
        monitor.progress(TASK, 0, total, "generating answers");
        for (int from = 0; from < items.size(); from += generateBatch) {
            monitor.throwIfCancelled("item " + from + " of " + items.size() + " (generating)");
            List<Prompt> prompts = new ArrayList<>();
            for (KnowledgeItem item : items.subList(from, Math.min(items.size(), from + generateBatch))) {
                prompts.add(item.prompt());
            }
            for (List<Generation> samples : model.generate(prompts, options)) {
                out.add(samples.get(0));
            }
            monitor.progress(TASK, out.size(), total, "generating answers");
        }
        return out;
    }

    /**
     * Ranks every candidate by the log-likelihood of its answer after the item's shared prefix (the reference
     * reasoning, if any, and {@code <answer>}), and scores each reference completion in full for its NLL. The
     * prefix is the same for all candidates of an item, so ranking by the continuation equals ranking by the whole
     * completion, and the model can share the prefix's work across candidates.
     */
    private void scoreAll(VisionLanguageModel model, List<KnowledgeItem> items, List<double[]> candidateScores,
                          double[] referenceNll, JobMonitor monitor) {
        List<Prompt> prompts = new ArrayList<>();
        List<String> references = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<List<String>> continuations = new ArrayList<>();
        for (KnowledgeItem item : items) {
            prompts.add(item.prompt());
            references.add(item.target());
            String reference = item.completionFor(item.answer());
            prefixes.add(reference.substring(0, reference.lastIndexOf(Completions.ANSWER_OPEN))
                    + Completions.ANSWER_OPEN);
            List<String> cont = new ArrayList<>();
            for (String c : item.candidates()) {
                cont.add(c + Completions.ANSWER_CLOSE);
            }
            continuations.add(cont);
        }
        int maxCandidates = 1;
        for (List<String> c : continuations) {
            maxCandidates = Math.max(maxCandidates, c.size());
        }
        int itemsPerCall = Math.max(1, scoreBatch / maxCandidates); // at most scoreBatch completions per call
        long total = 2L * items.size();
        for (int from = 0; from < items.size(); from += itemsPerCall) {
            monitor.throwIfCancelled("item " + from + " of " + items.size() + " (scoring)");
            int to = Math.min(items.size(), from + itemsPerCall);
            List<CompletionScore> refs = model.score(prompts.subList(from, to), references.subList(from, to));
            List<double[]> ranked = model.scoreContinuations(prompts.subList(from, to), prefixes.subList(from, to),
                    continuations.subList(from, to));
            for (int i = from; i < to; i++) {
                referenceNll[i] = refs.get(i - from).meanNll();
                candidateScores.add(ranked.get(i - from));
            }
            monitor.progress(TASK, items.size() + to, total, "scoring answers");
        }
    }

    /** Strictly first: a tie with a wrong candidate does not count as knowing the answer. */
    static boolean referenceRanksFirst(KnowledgeItem item, double[] logProbs) {
        int ref = item.candidates().indexOf(item.answer());
        for (int c = 0; c < logProbs.length; c++) {
            if (c != ref && !(logProbs[ref] > logProbs[c])) {
                return false;
            }
        }
        return true;
    }

    private static SuiteResult summarise(String modelName, Map<String, List<KnowledgeItem>> itemsByFamily,
                                         List<ItemOutcome> outcomes) {
        Map<String, SuiteResult.FamilyScore> families = new LinkedHashMap<>();
        int k = 0;
        double[] sums = new double[4];
        for (Map.Entry<String, List<KnowledgeItem>> e : itemsByFamily.entrySet()) {
            int n = e.getValue().size();
            double acc = 0;
            double fmt = 0;
            double choice = 0;
            double nll = 0;
            for (int i = 0; i < n; i++, k++) {
                ItemOutcome o = outcomes.get(k);
                acc += o.correct() ? 1 : 0;
                fmt += o.wellFormed() ? 1 : 0;
                choice += o.choiceCorrect() ? 1 : 0;
                nll += o.referenceNll();
            }
            int d = Math.max(1, n);
            SuiteResult.FamilyScore s = new SuiteResult.FamilyScore(acc / d, fmt / d, choice / d, nll / d, n);
            families.put(e.getKey(), s);
            sums[0] += s.accuracy();
            sums[1] += s.format();
            sums[2] += s.choice();
            sums[3] += s.nll();
        }
        int f = Math.max(1, families.size());
        return new SuiteResult(SuiteResult.SUITE, modelName, families,
                new SuiteResult.Average(sums[0] / f, sums[1] / f, sums[2] / f, sums[3] / f));
    }
}
