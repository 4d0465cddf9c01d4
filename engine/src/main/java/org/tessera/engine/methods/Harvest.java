package org.tessera.engine.methods;

import org.tessera.engine.runs.events.HarvestStats;

import org.tessera.engine.task.TaskSetup;

import org.tessera.engine.analysis.Distribution;
import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.ParseResult;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.model.VisionLanguageModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rea-Self data: sample a model on training puzzles, keep the exact completions, then choose among them for
 * diversity. Sampling many puzzles a few times each (rather than logging what GRPO happened to sample while it
 * trained) and capping how often one answer may appear keeps a policy's favourite answer strings, right by luck on
 * the puzzles that happen to have them, from becoming an answer prior in the SFT data.
 */
final class Harvest {
    private static final int CHUNK = 32;
    /** The task name a {@link JobMonitor} sees; done counts puzzles sampled. */
    static final String TASK = "Harvest";
    private static final int SCORE_BATCH = 64;

    private Harvest() {
    }

    /** What was sampled: the exact completions of each puzzle (sample order, repeats kept) and the sample count. */
    record Sampled(List<Puzzle> puzzles, List<List<String>> exact, int samples) {
        int exactSamples() {
            return exact.stream().mapToInt(List::size).sum();
        }

        int puzzlesCovered() {
            return (int) exact.stream().filter(l -> !l.isEmpty()).count();
        }
    }

    /**
     * Samples {@code samples} completions of every puzzle at {@code temperature} and keeps the exact ones. The
     * sampling seed of each chunk of puzzles is {@code seed + first index}, so the result is a function of the
     * model, the puzzles and the seed. {@code monitor} hears after every chunk how far it is, and a cancel stops
     * the harvest between two chunks (a run's monitor throws its RunCancelledException); the chunks, so the samples,
     * do not depend on it.
     */
    static Sampled sample(VisionLanguageModel model, TaskSetup task, List<Puzzle> puzzles, int samples,
                          float temperature, long seed, int maxNewTokens, JobMonitor monitor) {
        List<List<String>> exact = new ArrayList<>(puzzles.size());
        monitor.progress(TASK, 0, puzzles.size(), "puzzles");
        for (int from = 0; from < puzzles.size(); from += CHUNK) {
            monitor.throwIfCancelled("harvest " + from + "/" + puzzles.size() + " puzzles");
            List<Puzzle> ps = puzzles.subList(from, Math.min(puzzles.size(), from + CHUNK));
            List<Prompt> prompts = ps.stream().map(task::prompt).toList();
            List<List<Generation>> gens = model.generate(prompts,
                    GenerationOptions.sampling(maxNewTokens, temperature, samples, seed + from));
            for (int i = 0; i < ps.size(); i++) {
                List<String> ok = new ArrayList<>();
                for (Generation g : gens.get(i)) {
                    ParseResult pr = AnswerParser.parse(g.text(), ps.get(i).grid(), task.template());
                    if (pr.exact(ps.get(i).answer())) {
                        ok.add(g.text());
                    }
                }
                exact.add(ok);
            }
            monitor.progress(TASK, exact.size(), puzzles.size(), "puzzles");
        }
        return new Sampled(List.copyOf(puzzles), exact, puzzles.size() * samples);
    }

    /**
     * The SFT data chosen from a harvest, in puzzle order: at most {@code perPuzzle} distinct completions of each
     * puzzle (first sampled first), and at most {@code perAnswer} rollouts of any one answer (0 = no cap).
     */
    static List<SftData.Rollout> select(Sampled s, int perPuzzle, int perAnswer) {
        List<SftData.Rollout> out = new ArrayList<>();
        Map<String, Integer> perAnswerCount = new HashMap<>();
        for (int i = 0; i < s.puzzles().size(); i++) {
            Puzzle p = s.puzzles().get(i);
            String key = answerKey(p);
            int taken = 0;
            for (String text : new LinkedHashSet<>(s.exact().get(i))) {
                int used = perAnswerCount.getOrDefault(key, 0);
                if (taken >= perPuzzle || (perAnswer > 0 && used >= perAnswer)) {
                    break;
                }
                out.add(new SftData.Rollout(p, text));
                perAnswerCount.put(key, used + 1);
                taken++;
            }
        }
        return out;
    }

    static String answerKey(Puzzle p) {
        return Arrays.toString(p.answer());
    }

    /**
     * The harvest's size, diversity and likelihood, for the run's metrics: how many samples were drawn and were
     * exact, how many puzzles had at least one exact sample, what was kept (rollouts, puzzles, distinct answers,
     * the most and fewest per answer) and the kept completions' perplexity under the base model, beside that of
     * the canonical answer-only targets of the same puzzles (what Non-Rea SFT would train on).
     */
    static HarvestStats stats(Sampled s, List<SftData.Rollout> kept, VisionLanguageModel base, TaskSetup task) {
        Map<String, Integer> counts = new TreeMap<>();
        LinkedHashSet<String> puzzles = new LinkedHashSet<>();
        for (SftData.Rollout r : kept) {
            counts.merge(answerKey(r.puzzle()), 1, Integer::sum);
            puzzles.add(r.puzzle().id());
        }
        List<Prompt> prompts = kept.stream().map(r -> task.prompt(r.puzzle())).toList();
        return new HarvestStats(s.puzzles().size(), s.samples(), s.exactSamples(),
                s.samples() == 0 ? 0.0 : (double) s.exactSamples() / s.samples(), s.puzzlesCovered(), kept.size(),
                puzzles.size(), counts.size(), counts.values().stream().mapToInt(Integer::intValue).max().orElse(0),
                counts.values().stream().mapToInt(Integer::intValue).min().orElse(0), counts,
                summary(perplexities(base, prompts, kept.stream().map(SftData.Rollout::completion).toList())),
                summary(perplexities(base, prompts, kept.stream()
                        .map(r -> task.template().completion(null, r.puzzle().answer(), r.puzzle().grid())).toList())));
    }

    private static double[] perplexities(VisionLanguageModel model, List<Prompt> prompts, List<String> texts) {
        double[] out = new double[texts.size()];
        for (int from = 0; from < texts.size(); from += SCORE_BATCH) {
            int to = Math.min(texts.size(), from + SCORE_BATCH);
            List<CompletionScore> sc = model.score(prompts.subList(from, to), texts.subList(from, to));
            for (int i = from; i < to; i++) {
                out[i] = sc.get(i - from).perplexity();
            }
        }
        return out;
    }

    private static HarvestStats.Perplexity summary(double[] values) {
        Distribution d = Distribution.of(values);
        return new HarvestStats.Perplexity(d.median(), d.mean(), d.p95());
    }

    /** Rea-Self data for a plain SFT run: sample a checkpoint on the training set and keep every exact completion. */
    static List<SftData.Rollout> fromCheckpoint(Path checkpoint, TaskSetup task, int puzzles, int samples,
                                                float temperature, long seed, int maxNewTokens, JobMonitor monitor) {
        List<Puzzle> ps = new ArrayList<>(puzzles);
        for (int i = 0; i < puzzles; i++) {
            ps.add(task.trainPuzzle(i));
        }
        try (TrainableModel m = ModelLoader.load(checkpoint, true)) {
            Sampled s = sample(m, task, ps, samples, temperature, seed, maxNewTokens, monitor);
            List<SftData.Rollout> out = new ArrayList<>();
            for (int i = 0; i < ps.size(); i++) {
                for (String text : s.exact().get(i)) {
                    out.add(new SftData.Rollout(ps.get(i), text));
                }
            }
            return out;
        }
    }
}
