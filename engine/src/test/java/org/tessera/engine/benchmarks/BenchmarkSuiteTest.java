package org.tessera.engine.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.jobs.RecordingMonitor;
import org.tessera.engine.model.AnswerConvention;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.world.SuiteResult;

import java.awt.Dimension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite on the test folder with scripted models: extraction, choice, nll, conventions and the seeded subset. */
class BenchmarkSuiteTest {
    private static final AnswerConvention PLAIN = AnswerConvention.plainOriginalPixels();
    private static final AnswerConvention TAGGED = new AnswerConvention(true, "original pixels",
            d -> new Dimension(d.width, d.height));
    /** A model that sees every picture at twice its size and writes boxes in that frame. */
    private static final AnswerConvention DOUBLED = new AnswerConvention(false, "doubled",
            d -> new Dimension(2 * d.width, 2 * d.height));

    private static BenchmarkSuite.Subset draw(int n, long seed, AnswerConvention c) throws Exception {
        return BenchmarkSuite.draw(BenchmarkFolder.read(BenchmarkFolderTest.testFolder()), n, seed, c);
    }

    /** A model that answers each item by {@code answer} and gives the reference option log p -1, others -3. */
    private static FakeModel scripted(BenchmarkSuite.Subset s, AnswerConvention c, Function<BenchmarkItem, String> answer) {
        Map<Prompt, BenchmarkItem> byPrompt = new IdentityHashMap<>();
        s.items().values().forEach(list -> list.forEach(it -> byPrompt.put(it.prompt(), it)));
        return new FakeModel(p -> answer.apply(byPrompt.get(p)), (p, completion) -> {
            BenchmarkItem it = byPrompt.get(p);
            if (completion.equals(it.reference())) {
                return -0.5;
            }
            boolean ref = it.referenceIndex() >= 0
                    && completion.equals(it.prefix() + it.candidates().get(it.referenceIndex()));
            return ref ? -1.0 : -3.0;
        }, c);
    }

    /** What a perfect plain-text model writes: free text around the answer, Qwen2.5-VL's JSON for boxes. */
    private static String perfect(BenchmarkItem it) {
        return switch (it.kind()) {
            case MULTIPLE_CHOICE -> "The answer is (" + it.row().answer() + ").";
            case YES_NO -> it.row().answer().equals("yes") ? "Yes, there is." : "No.";
            case SHORT_ANSWER -> it.row().answer();
            case GROUNDING -> it.reference();
        };
    }

    @Test
    void aPerfectModelScoresOneEverywhereAndChoiceIsNullWithoutOptions() throws Exception {
        BenchmarkSuite.Subset s = draw(100, 1, PLAIN);
        SuiteResult r = new BenchmarkSuite(5, 7).evaluate(scripted(s, PLAIN, BenchmarkSuiteTest::perfect), s.items());
        assertEquals(List.of("DocVQA-demo", "MMStar-demo", "POPE-demo", "RefCOCO-demo"),
                List.copyOf(r.families().keySet()));
        for (SuiteResult.FamilyScore f : r.families().values()) {
            assertEquals(1.0, f.accuracy(), 1e-12);
            assertEquals(1.0, f.format(), 1e-12);
            assertEquals(0.5, f.nll(), 1e-12);
        }
        assertEquals(1.0, r.families().get("MMStar-demo").choice(), 1e-12);
        assertEquals(1.0, r.families().get("POPE-demo").choice(), 1e-12);
        assertTrue(Double.isNaN(r.families().get("RefCOCO-demo").choice()));
        assertEquals(6, r.families().get("MMStar-demo").n()); // 7 valid rows, one picture does not decode
        assertEquals(6, r.families().get("DocVQA-demo").n());
        JsonNode json = new ObjectMapper().valueToTree(r);
        assertTrue("NaN".equals(json.at("/families/RefCOCO-demo/choice").asText()), json.toString());
        assertTrue("NaN".equals(json.at("/families/DocVQA-demo/choice").asText()), json.toString());
        assertEquals(1.0, json.at("/average/choice").asDouble(), 1e-12);
        assertEquals("knowledge", json.get("suite").asText());
    }

    @Test
    void unreadableAnswersAreWrongAndBadlyFormed() throws Exception {
        BenchmarkSuite.Subset s = draw(100, 1, PLAIN);
        SuiteResult r = new BenchmarkSuite().evaluate(scripted(s, PLAIN, it -> switch (it.kind()) {
            case MULTIPLE_CHOICE -> "A or B";
            case YES_NO -> "maybe";
            case SHORT_ANSWER -> "zzzzzz";
            case GROUNDING -> "somewhere on the left";
        }), s.items());
        for (SuiteResult.FamilyScore f : r.families().values()) {
            assertEquals(0.0, f.accuracy(), 1e-12);
        }
        assertEquals(0.0, r.families().get("MMStar-demo").format(), 1e-12);
        assertEquals(0.0, r.families().get("POPE-demo").format(), 1e-12);
        assertEquals(0.0, r.families().get("RefCOCO-demo").format(), 1e-12);
        assertEquals(1.0, r.families().get("DocVQA-demo").format(), 1e-12); // an answer, just a wrong one
    }

    @Test
    void boxesAreReadInTheModelsFrame() throws Exception {
        BenchmarkSuite.Subset s = draw(100, 1, DOUBLED);
        BenchmarkItem first = s.items().get("RefCOCO-demo").get(0);
        long[] doubled = first.row().box().rescale(1, 1, 2, 2).rounded();
        assertTrue(first.reference().contains("[" + doubled[0] + ", " + doubled[1] + ", " + doubled[2] + ", "
                + doubled[3] + "]"), first.reference());
        SuiteResult inFrame = new BenchmarkSuite().evaluate(scripted(s, DOUBLED, BenchmarkSuiteTest::perfect), s.items());
        assertEquals(1.0, inFrame.families().get("RefCOCO-demo").accuracy(), 1e-12);
        // the same boxes written in the original picture's pixels land at half size: IoU <= 1/4, wrong
        SuiteResult original = new BenchmarkSuite().evaluate(scripted(s, DOUBLED, it -> it.kind() == BenchmarkKind.GROUNDING
                ? it.row().box().toString() : perfect(it)), s.items());
        assertEquals(0.0, original.families().get("RefCOCO-demo").accuracy(), 1e-12);
        assertEquals(1.0, original.families().get("RefCOCO-demo").format(), 1e-12);
    }

    @Test
    void aTaggedModelNeedsItsTagsForFormat() throws Exception {
        BenchmarkSuite.Subset s = draw(100, 1, TAGGED);
        BenchmarkItem mc = s.items().get("MMStar-demo").get(0);
        assertEquals("<answer>" + mc.row().answer() + "</answer>", mc.reference());
        assertEquals("<answer>", mc.prefix());
        SuiteResult bare = new BenchmarkSuite().evaluate(scripted(s, TAGGED, it -> it.row().answer()), s.items());
        assertEquals(1.0, bare.families().get("MMStar-demo").accuracy(), 1e-12);
        assertEquals(0.0, bare.families().get("MMStar-demo").format(), 1e-12);
        SuiteResult tagged = new BenchmarkSuite().evaluate(scripted(s, TAGGED,
                it -> "<answer>" + it.row().answer() + "</answer>"), s.items());
        assertEquals(1.0, tagged.families().get("MMStar-demo").format(), 1e-12);
        assertEquals(1.0, tagged.families().get("POPE-demo").accuracy(), 1e-12);
    }

    @Test
    void theSubsetIsFixedBySeedAndInFileOrder() throws Exception {
        BenchmarkSuite.Subset a = draw(3, 7, PLAIN);
        BenchmarkSuite.Subset b = draw(3, 7, PLAIN);
        BenchmarkSuite.Subset other = draw(3, 8, PLAIN);
        Function<BenchmarkSuite.Subset, List<String>> ids = s -> s.items().values().stream().flatMap(List::stream)
                .map(it -> it.benchmark() + "/" + it.row().id()).toList();
        assertEquals(ids.apply(a), ids.apply(b));
        assertNotEquals(ids.apply(a), ids.apply(other));
        for (List<BenchmarkItem> list : a.items().values()) {
            assertEquals(3, list.size());
            for (int i = 1; i < list.size(); i++) {
                assertTrue(list.get(i - 1).row().line() < list.get(i).row().line());
            }
        }
    }

    @Test
    void itemsTooLongForTheModelAreSkippedAndTheNextRowTaken() throws Exception {
        FakeModel small = new FakeModel(p -> "", (p, c) -> 0.0, PLAIN);
        small.limit = 60; // characters: the multiple-choice prompts with their instruction are longer
        BenchmarkSuite.Subset s = BenchmarkSuite.draw(BenchmarkFolder.read(BenchmarkFolderTest.testFolder()), 3, 1,
                small);
        assertTrue(!s.items().containsKey("MMStar-demo"), s.items().keySet().toString());
        assertTrue(s.skipped().stream().anyMatch(r -> r.file().getFileName().toString().equals("MMStar-demo.tsv")
                && r.line() == 2 && r.reason().contains("more than the model's 60")), s.skipped().toString());
        assertEquals(3, s.items().get("POPE-demo").size()); // short questions still fit
    }

    @Test
    void theMonitorSeesEveryBatchAndCancelStopsBetweenBatchesWithoutChangingTheScores() throws Exception {
        BenchmarkSuite.Subset s = draw(100, 1, PLAIN);
        int items = s.items().values().stream().mapToInt(List::size).sum();
        SuiteResult plain = new BenchmarkSuite(5, 7).evaluate(scripted(s, PLAIN, BenchmarkSuiteTest::perfect), s.items());
        RecordingMonitor monitor = new RecordingMonitor();
        SuiteResult watched = new BenchmarkSuite(5, 7).evaluate(scripted(s, PLAIN, BenchmarkSuiteTest::perfect),
                s.items(), monitor);
        assertEquals(new ObjectMapper().valueToTree(plain), new ObjectMapper().valueToTree(watched));
        String t = BenchmarkSuite.TASK + " ";
        assertEquals(t + "0/" + 2 * items, monitor.seen.get(0));
        assertEquals(t + "5/" + 2 * items, monitor.seen.get(1));
        assertEquals(t + 2 * items + "/" + 2 * items, monitor.seen.get(monitor.seen.size() - 1));
        // one report before the first batch, one after each generation batch (5) and each scoring batch (7)
        assertEquals(1 + (items + 4) / 5 + (items + 6) / 7, monitor.seen.size(), monitor.seen.toString());

        int[] generated = new int[1];
        FakeModel counting = scripted(s, PLAIN, it -> {
            generated[0]++;
            return perfect(it);
        });
        assertThrows(CancellationException.class,
                () -> new BenchmarkSuite(5, 7).evaluate(counting, s.items(), new RecordingMonitor(2)));
        assertEquals(5, generated[0], "stopped after the first batch");
    }

    @Test
    void measuringAFolderWhoseEveryRowIsSkippedRefusesInsteadOfScoringZero(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("MMStar.tsv"), "index\timage\tquestion\tA\tB\tanswer\tcategory\n"
                + "1\tnot-base64\tWhich?\tx\ty\tA\tc\n" + "2\t\tWhich?\tx\ty\tB\tc\n");
        FakeModel model = new FakeModel(p -> "A", (p, c) -> -1.0, PLAIN);
        BenchmarkSuite.NothingToScoreException e = assertThrows(BenchmarkSuite.NothingToScoreException.class,
                () -> new BenchmarkSuite().measure(model, tmp, 10, 1, new RecordingMonitor()));
        assertTrue(e.getMessage().contains("no row of " + tmp + " could be scored: every row was skipped (2 rows)"),
                e.getMessage());
        assertEquals(List.of(2, 3), e.skipped().stream().map(SkippedRow::line).toList());
        assertTrue(e instanceof IllegalArgumentException, "callers that catch bad input catch it too");
    }
}
