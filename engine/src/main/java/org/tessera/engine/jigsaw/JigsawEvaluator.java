package org.tessera.engine.jigsaw;

import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.VisionLanguageModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores a model on a fixed held-out puzzle set: greedy generation, parsing, and exact / hit / format rates.
 * The same set must be used for every checkpoint of a run, so build it once ({@link #heldOut}) and keep it.
 */
public final class JigsawEvaluator {
    /** The task name a {@link JobMonitor} sees; done counts puzzles answered. */
    public static final String TASK = "Jigsaw suite";
    private final List<Puzzle> puzzles;
    private final PromptTemplate template;
    private final int maxNewTokens;
    private final int batchSize;

    /** One puzzle's outcome, for inspection. */
    public record Outcome(Puzzle puzzle, String completion, ParseResult parsed, double hit, boolean exact) {
    }

    /** The summary and every outcome. */
    public record Report(JigsawEvalResult result, List<Outcome> outcomes) {
    }

    /**
     * @param puzzles      the held-out set; all of one grid
     * @param template     prompt template (THINK or ANSWER)
     * @param maxNewTokens generation limit per completion
     * @param batchSize    prompts per generate call
     */
    public JigsawEvaluator(List<Puzzle> puzzles, PromptTemplate template, int maxNewTokens, int batchSize) {
        if (puzzles == null || puzzles.isEmpty()) {
            throw new IllegalArgumentException("jigsaw evaluation needs at least one puzzle");
        }
        Grid g = puzzles.get(0).grid();
        for (Puzzle p : puzzles) {
            if (!p.grid().equals(g)) {
                throw new IllegalArgumentException("jigsaw evaluation set mixes grids " + g + " and " + p.grid()
                        + " (puzzle " + p.id() + "); evaluate each grid separately");
            }
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1, got " + batchSize);
        }
        this.puzzles = List.copyOf(puzzles);
        this.template = template;
        this.maxNewTokens = maxNewTokens;
        this.batchSize = batchSize;
    }

    /** The standard held-out set: the spec's test split (never a training image), puzzles 0..n-1 of the seed. */
    public static List<Puzzle> heldOut(PuzzleSpec spec, long seed, int n) {
        return new PuzzleGenerator(spec.withSplit(Split.TEST)).generate(seed, n);
    }

    public List<Puzzle> puzzles() {
        return puzzles;
    }

    public JigsawEvalResult evaluate(VisionLanguageModel model) {
        return evaluate(model, JobMonitor.NONE);
    }

    public JigsawEvalResult evaluate(VisionLanguageModel model, JobMonitor monitor) {
        return evaluateDetailed(model, monitor).result();
    }

    public Report evaluateDetailed(VisionLanguageModel model) {
        return evaluateDetailed(model, JobMonitor.NONE);
    }

    /**
     * Every puzzle's outcome, telling {@code monitor} after every batch how far it is and stopping between batches
     * (a {@link java.util.concurrent.CancellationException}) when it cancels; the batches, so the numbers, are the
     * same with or without a monitor.
     */
    public Report evaluateDetailed(VisionLanguageModel model, JobMonitor monitor) {
        GenerationOptions options = GenerationOptions.greedy(maxNewTokens);
        PromptWording wording = PromptWording.of(model);
        List<Outcome> outcomes = new ArrayList<>(puzzles.size());
        monitor.progress(TASK, 0, puzzles.size(), "");
        for (int from = 0; from < puzzles.size(); from += batchSize) {
            monitor.throwIfCancelled("puzzle " + from + " of " + puzzles.size());
            List<Puzzle> batch = puzzles.subList(from, Math.min(puzzles.size(), from + batchSize));
            List<Prompt> prompts = batch.stream().map(p -> template.prompt(p, wording)).toList();
            List<List<Generation>> gens = model.generate(prompts, options);
            if (gens.size() != batch.size()) {
                throw new IllegalStateException("model returned " + gens.size() + " results for " + batch.size()
                        + " prompts");
            }
            for (int i = 0; i < batch.size(); i++) {
                Puzzle p = batch.get(i);
                String text = gens.get(i).isEmpty() ? "" : gens.get(i).get(0).text();
                ParseResult parsed = AnswerParser.parse(text, p.grid(), template);
                double hit = parsed.ok() ? parsed.fractionMatching(p.answer()) : 0;
                outcomes.add(new Outcome(p, text, parsed, hit, parsed.exact(p.answer())));
            }
            monitor.progress(TASK, outcomes.size(), puzzles.size(), "");
        }
        int n = outcomes.size();
        double exact = outcomes.stream().filter(Outcome::exact).count() / (double) n;
        double hit = outcomes.stream().mapToDouble(Outcome::hit).sum() / n;
        double format = outcomes.stream().filter(o -> o.parsed().structureOk()).count() / (double) n;
        JigsawEvalResult result = new JigsawEvalResult(JigsawEvalResult.SUITE, puzzles.get(0).grid().toString(),
                exact, hit, format, n);
        return new Report(result, outcomes);
    }
}
