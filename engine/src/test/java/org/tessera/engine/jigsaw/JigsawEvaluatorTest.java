package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tessera.engine.jobs.RecordingMonitor;
import org.tessera.engine.model.Prompt;

import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.*;

class JigsawEvaluatorTest {

    @Test
    void scoresScriptedCompletionsAndSerialisesAsSpecified() throws Exception {
        List<Puzzle> set = JigsawEvaluator.heldOut(PuzzleSpec.procedural(new Grid(2, 2)), 11, 8);
        for (Puzzle p : set) {
            assertEquals(Split.TEST, p.spec().split());
        }
        // Puzzles 0-3: exact with think; 4-5: half right, no think block; 6: repeated index; 7: garbage.
        ScriptedModel model = new ScriptedModel(prompt -> {
            int i = set.indexOf(findPuzzle(set, prompt));
            int[] truth = set.get(i).answer();
            if (i < 4) {
                return PromptTemplate.THINK.completion("i see tiles .", truth, new Grid(2, 2));
            }
            if (i < 6) {
                int[] half = {truth[0], truth[1], truth[3], truth[2]};
                return "<answer>" + half[0] + " " + half[1] + " " + half[2] + " " + half[3] + "</answer>";
            }
            if (i == 6) {
                return "<think>x</think><answer>1 1 2 3</answer>";
            }
            return "i do not know";
        });
        JigsawEvaluator eval = new JigsawEvaluator(set, PromptTemplate.THINK, 64, 3);
        JigsawEvaluator.Report report = eval.evaluateDetailed(model);
        JigsawEvalResult r = report.result();
        assertEquals(8, r.n());
        assertEquals(4.0 / 8, r.exact(), 1e-12);
        assertEquals((4 * 1.0 + 2 * 0.5) / 8, r.hit(), 1e-12);
        assertEquals(5.0 / 8, r.format(), 1e-12);
        assertEquals("2x2", r.grid());
        assertEquals(ParseFailure.REPEATED_INDEX, report.outcomes().get(6).parsed().failure());
        assertEquals(ParseFailure.NO_ANSWER_TAG, report.outcomes().get(7).parsed().failure());

        // Greedy decoding, in batches of 3, with the composite image and the THINK prompt.
        assertEquals(3, model.options.size());
        assertTrue(model.options.stream().allMatch(o -> o.greedy() && o.maxNewTokens() == 64));
        assertEquals(1, model.seen.get(0).images().size());
        assertEquals(PromptTemplate.THINK.text(new Grid(2, 2), Presentation.COMPOSITE, PromptWording.WORLD), model.seen.get(0).text());

        String json = new ObjectMapper().writeValueAsString(r);
        assertEquals("{\"suite\":\"jigsaw\",\"grid\":\"2x2\",\"exact\":0.5,\"hit\":0.625,\"format\":0.625,\"n\":8}", json);
    }

    private static Puzzle findPuzzle(List<Puzzle> set, Prompt prompt) {
        for (Puzzle p : set) {
            if (Images.samePixels(JigsawRenderer.composite(p), prompt.images().get(0))) {
                return p;
            }
        }
        throw new AssertionError("prompt image matches no puzzle");
    }

    @Test
    void sampledAnswersCountValidExactAndFailureKinds() {
        List<Puzzle> set = JigsawEvaluator.heldOut(PuzzleSpec.procedural(new Grid(2, 2)), 3, 4);
        // puzzle 0: exact; 1: a valid but wrong arrangement; 2: two indices (the base model's habit); 3: cell 0
        ScriptedModel model = new ScriptedModel(prompt -> {
            int i = set.indexOf(findPuzzle(set, prompt));
            int[] a = set.get(i).answer();
            return switch (i) {
                case 0 -> "<answer>" + a[0] + " " + a[1] + " " + a[2] + " " + a[3] + "</answer>";
                case 1 -> "<answer>" + a[1] + " " + a[0] + " " + a[2] + " " + a[3] + "</answer>";
                case 2 -> "<answer>1 4</answer>";
                default -> "<answer>0 4 1 2</answer>";
            };
        });
        SampledAnswers s = SampledAnswers.measure(model, set, PromptTemplate.ANSWER, 3, 1.5f, 16, 7);
        assertEquals(12, s.samples());
        assertEquals(0.5, s.valid(), 1e-12);
        assertEquals(0.25, s.exact(), 1e-12);
        assertEquals(java.util.Map.of("WRONG_COUNT", 3, "OUT_OF_RANGE", 3), s.failures());
        assertEquals("2x2", s.grid());
        assertTrue(model.options.stream().allMatch(o -> !o.greedy() && o.samplesPerPrompt() == 3
                && o.temperature() == 1.5f && o.maxNewTokens() == 16));
    }

    @Test
    void tilesPresentationSendsOneImagePerTile() {
        List<Puzzle> set = JigsawEvaluator.heldOut(PuzzleSpec.procedural(new Grid(2, 3))
                .withPresentation(Presentation.TILES), 1, 2);
        ScriptedModel model = new ScriptedModel(p -> "<answer>1 2 3 4 5 6</answer>");
        JigsawEvalResult r = new JigsawEvaluator(set, PromptTemplate.ANSWER, 16, 8).evaluate(model);
        assertEquals(6, model.seen.get(0).images().size());
        assertEquals(1.0, r.format());
        assertEquals(0.0, r.exact(), "the identity is never the answer of a generated puzzle");
    }

    @Test
    void rejectsEmptyAndMixedSets() {
        assertThrows(IllegalArgumentException.class, () -> new JigsawEvaluator(List.of(), PromptTemplate.THINK, 8, 1));
        List<Puzzle> mixed = List.of(new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 2))).puzzle(0, 0),
                new PuzzleGenerator(PuzzleSpec.procedural(new Grid(3, 3))).puzzle(0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JigsawEvaluator(mixed, PromptTemplate.THINK, 8, 1));
        assertTrue(e.getMessage().contains("mixes grids"));
    }

    @Test
    void aModelWithASubwordTokenizerIsAskedInOrdinaryEnglish() {
        List<Puzzle> set = JigsawEvaluator.heldOut(PuzzleSpec.procedural(new Grid(3, 3)), 5, 2);
        ScriptedModel model = new ScriptedModel(p -> "<answer>1 2 3\n4 5 6\n7 8 9</answer>");
        model.closedVocabulary = false;
        new JigsawEvaluator(set, PromptTemplate.THINK, 16, 2).evaluate(model);
        String text = model.seen.get(0).text();
        assertEquals(PromptTemplate.THINK.text(new Grid(3, 3), Presentation.COMPOSITE, PromptWording.NATURAL), text);
        assertTrue(text.startsWith("This image is a 3x3 jigsaw puzzle"), text);
        assertTrue(text.contains("inside <think> </think>") && text.contains("9 numbers, 3 rows of 3"), text);
    }

    @Test
    void theMonitorSeesEveryBatchAndCancelStopsBetweenBatches() {
        List<Puzzle> set = JigsawEvaluator.heldOut(PuzzleSpec.procedural(new Grid(2, 2)), 5, 7);
        JigsawEvaluator evaluator = new JigsawEvaluator(set, PromptTemplate.ANSWER, 16, 3);
        JigsawEvalResult plain = evaluator.evaluate(new ScriptedModel(p -> "<answer>1 2 3 4</answer>"));
        RecordingMonitor monitor = new RecordingMonitor();
        JigsawEvalResult watched = evaluator.evaluate(new ScriptedModel(p -> "<answer>1 2 3 4</answer>"), monitor);
        assertEquals(plain, watched);
        String t = JigsawEvaluator.TASK + " ";
        assertEquals(List.of(t + "0/7", t + "3/7", t + "6/7", t + "7/7"), monitor.seen);

        ScriptedModel stopped = new ScriptedModel(p -> "<answer>1 2 3 4</answer>");
        CancellationException e = assertThrows(CancellationException.class,
                () -> evaluator.evaluate(stopped, new RecordingMonitor(2)));
        assertEquals(3, stopped.seen.size(), "one batch of three, then stopped");
        assertTrue(e.getMessage().contains("puzzle 3 of 7"), e.getMessage());
    }
}
