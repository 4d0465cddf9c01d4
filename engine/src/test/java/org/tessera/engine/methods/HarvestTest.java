package org.tessera.engine.methods;

import org.tessera.engine.runs.events.HarvestStats;

import org.tessera.engine.task.TaskSetup;

import org.junit.jupiter.api.Test;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.AnswerFormat;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.jobs.RecordingMonitor;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.VisionLanguageModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Rea-Self harvest: only exact samples, per-puzzle and per-answer caps, the reported diversity, seeds. */
class HarvestTest {
    private static final String JSON = "{\"schema\": 1, \"name\": \"h\", \"base_model\": \"none\", \"seed\": 3, "
            + "\"task\": {\"grid\": \"2x2\", \"source\": \"procedural\", \"prompt\": \"answer-only\", "
            + "\"train_size\": 20, \"test_size\": 4}, \"method\": {\"kind\": \"rft-then-sft\", \"steps\": 2, "
            + "\"sft_steps\": 2, \"lr\": 0.001, \"grpo\": {\"group_size\": 4, \"prompts_per_step\": 2}, "
            + "\"harvest\": {\"puzzles\": 50, \"per_answer\": 2}}, \"eval\": {\"every\": 2}, "
            + "\"checkpoint\": {\"every\": 2}}";

    private final Experiment experiment = ExperimentLoader.parse(JSON, Path.of("harvest-test.json"));
    private final TaskSetup task = new TaskSetup(experiment, org.tessera.engine.jigsaw.PromptWording.WORLD);

    private String right(Puzzle p) {
        return task.template().completion(null, p.answer(), p.grid());
    }

    private String wrong(Puzzle p) {
        int[] a = p.answer().clone();
        int t = a[0];
        a[0] = a[1];
        a[1] = t;
        return AnswerFormat.tagged(a, p.grid());
    }

    private List<Puzzle> fresh(int n) {
        List<Puzzle> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(task.freshTrainPuzzle(i));
        }
        return out;
    }

    @Test
    void defaultsAreResolvedAndDeclaredOnce() {
        Experiment.Harvest h = experiment.method().harvest();
        assertEquals("policy", h.from());
        assertEquals(50, h.puzzles());
        assertEquals(8, h.samples());
        assertEquals(1.0, h.temperature());
        assertEquals(1, h.perPuzzle());
        assertEquals(2, h.perAnswer());
    }

    @Test
    void freshPuzzlesLieOutsideTheTrainingSet() {
        Set<String> train = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            train.add(task.trainPuzzle(i).id());
        }
        for (Puzzle p : fresh(10)) {
            assertTrue(!train.contains(p.id()), p.id() + " is a training puzzle");
        }
        assertEquals(task.freshTrainPuzzle(3).id(), fresh(4).get(3).id(), "a function of the index");
    }

    @Test
    void samplingKeepsOnlyExactCompletionsAndSeedsEachChunk() {
        List<Puzzle> puzzles = fresh(40);
        // puzzle i: samples k < i % 3 are right, the rest wrong (so 0, 1 or 2 exact per puzzle)
        FakeModel m = new FakeModel(puzzles, (i, k) -> k < i % 3 ? right(puzzles.get(i)) : wrong(puzzles.get(i)));
        Harvest.Sampled s = Harvest.sample(m, task, puzzles, 4, 1.0f, 100, 16, JobMonitor.NONE);
        assertEquals(160, s.samples());
        for (int i = 0; i < puzzles.size(); i++) {
            assertEquals(i % 3, s.exact().get(i).size(), "puzzle " + i);
            for (String t : s.exact().get(i)) {
                assertEquals(right(puzzles.get(i)), t);
            }
        }
        assertEquals(26, s.puzzlesCovered());
        assertEquals(List.of(100L, 132L), m.seeds, "chunks of 32 puzzles, seed + first index");
    }

    @Test
    void selectionCapsPerPuzzleAndPerAnswerInPuzzleOrder() {
        List<Puzzle> puzzles = fresh(50);
        FakeModel m = new FakeModel(puzzles, (i, k) -> right(puzzles.get(i)) + (k == 1 ? " ." : ""));
        Harvest.Sampled s = Harvest.sample(m, task, puzzles, 3, 1.0f, 7, 16, JobMonitor.NONE);
        // each puzzle has 2 distinct exact texts (3 samples, one repeated)
        List<SftData.Rollout> two = Harvest.select(s, 2, 0);
        assertEquals(100, two.size());
        List<SftData.Rollout> capped = Harvest.select(s, 1, 2);
        Map<String, Integer> perAnswer = new HashMap<>();
        Set<String> seenPuzzles = new HashSet<>();
        int last = -1;
        for (SftData.Rollout r : capped) {
            perAnswer.merge(Harvest.answerKey(r.puzzle()), 1, Integer::sum);
            assertTrue(seenPuzzles.add(r.puzzle().id()), "one per puzzle");
            int idx = puzzles.indexOf(r.puzzle());
            assertTrue(idx > last, "puzzle order");
            last = idx;
        }
        perAnswer.values().forEach(c -> assertTrue(c <= 2, "at most 2 per answer: " + perAnswer));
        // every answer that occurs among the 50 puzzles is represented, as often as the cap allows
        Map<String, Integer> available = new HashMap<>();
        puzzles.forEach(p -> available.merge(Harvest.answerKey(p), 1, Integer::sum));
        available.forEach((k, n) -> assertEquals(Math.min(2, n), perAnswer.getOrDefault(k, 0), k));
        // the first puzzle of each answer is the one kept
        Puzzle first = puzzles.get(0);
        assertTrue(capped.stream().anyMatch(r -> r.puzzle().id().equals(first.id())));
    }

    @Test
    void statsReportSizeDiversityAndPerplexity() {
        List<Puzzle> puzzles = fresh(12);
        FakeModel m = new FakeModel(puzzles, (i, k) -> i < 9 && k == 0 ? right(puzzles.get(i)) : wrong(puzzles.get(i)));
        Harvest.Sampled s = Harvest.sample(m, task, puzzles, 2, 1.0f, 1, 16, JobMonitor.NONE);
        List<SftData.Rollout> kept = Harvest.select(s, 1, 0);
        HarvestStats st = Harvest.stats(s, kept, m, task);
        assertEquals(24, st.samples());
        assertEquals(9, st.exactSamples());
        assertEquals(9, st.puzzlesCovered());
        assertEquals(9, st.kept());
        Set<String> answers = new HashSet<>();
        puzzles.subList(0, 9).forEach(p -> answers.add(Harvest.answerKey(p)));
        assertEquals(answers.size(), st.distinctAnswers());
        assertEquals(9, st.answerCounts().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Math.exp(0.5), st.perplexity().median(), 1e-9, "the fake scores every token at -0.5");
    }

    @Test
    void theMonitorHearsEveryChunkAndACancelStopsTheHarvestWithinOne() {
        List<Puzzle> puzzles = fresh(70);
        FakeModel plain = new FakeModel(puzzles, (i, k) -> k < i % 3 ? right(puzzles.get(i)) : wrong(puzzles.get(i)));
        RecordingMonitor monitor = new RecordingMonitor();
        Harvest.Sampled watched = Harvest.sample(plain, task, puzzles, 2, 1.0f, 1, 16, monitor);
        assertEquals(List.of("Harvest 0/70", "Harvest 32/70", "Harvest 64/70", "Harvest 70/70"), monitor.seen);
        FakeModel unwatched = new FakeModel(puzzles, (i, k) -> k < i % 3 ? right(puzzles.get(i)) : wrong(puzzles.get(i)));
        assertEquals(Harvest.sample(unwatched, task, puzzles, 2, 1.0f, 1, 16, JobMonitor.NONE).exact(), watched.exact(),
                "the monitor does not change what is sampled");
        assertEquals(unwatched.seeds, plain.seeds);

        FakeModel stopped = new FakeModel(puzzles, (i, k) -> right(puzzles.get(i)));
        CancellationException e = assertThrows(CancellationException.class,
                () -> Harvest.sample(stopped, task, puzzles, 2, 1.0f, 1, 16, new RecordingMonitor(2)));
        assertEquals(List.of(1L), stopped.seeds, "one chunk sampled, then stopped");
        assertTrue(e.getMessage().contains("harvest 32/70 puzzles"), e.getMessage());
    }

    /** Answers prompt i (in the order the puzzles were given) with script(i, k); scores each token at -0.5. */
    private static final class FakeModel implements VisionLanguageModel {
        private final List<Puzzle> puzzles;
        private final BiFunction<Integer, Integer, String> script;
        private int next;
        final List<Long> seeds = new ArrayList<>();

        FakeModel(List<Puzzle> puzzles, BiFunction<Integer, Integer, String> script) {
            this.puzzles = puzzles;
            this.script = script;
        }

        @Override
        public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions o) {
            seeds.add(o.seed());
            List<List<Generation>> out = new ArrayList<>();
            for (int p = 0; p < prompts.size(); p++, next++) {
                List<Generation> g = new ArrayList<>();
                for (int k = 0; k < o.samplesPerPrompt(); k++) {
                    g.add(new Generation(script.apply(next % puzzles.size(), k), new int[0], 0, true));
                }
                out.add(g);
            }
            return out;
        }

        @Override
        public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
            return completions.stream().map(c -> new CompletionScore(new double[] {-0.5, -0.5, -0.5})).toList();
        }

        @Override
        public ModelCard card() {
            return new ModelCard("fake", "test", 0, 0, "cpu()", null, Map.of(), Map.of());
        }

        @Override
        public TextTokenizer tokenizer() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void save(Path dir) {
            throw new UnsupportedOperationException();
        }

        @Override
        public VisionLanguageModel frozenCopy() {
            return this;
        }

        @Override
        public void close() {
        }
    }
}
