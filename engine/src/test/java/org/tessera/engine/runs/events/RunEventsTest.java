package org.tessera.engine.runs.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one reader and writer of metrics events against the contract's golden metrics.jsonl. */
class RunEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GOLDEN = Path.of("../docs/contracts/golden/run/metrics.jsonl");

    @Test
    void everyGoldenLineReadsAsItsTypeAndTheWriterReproducesItFieldForField() throws Exception {
        List<String> lines = Files.readAllLines(GOLDEN);
        List<Class<?>> types = List.of(EvalEvent.class, GrpoTrainStep.class, GrpoTrainStep.class, EvalEvent.class,
                HarvestEvent.class, SftTrainStep.class, SftTrainStep.class, EvalEvent.class);
        assertEquals(types.size(), lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode golden = JSON.readTree(lines.get(i));
            RunEvent event = RunEvents.read(golden).orElseThrow(() -> new AssertionError("unread: " + golden));
            assertInstanceOf(types.get(i), event, "line " + (i + 1));
            // through text, as a reader would see the written line (a float lr is written as 5.0000002E-5)
            JsonNode written = JSON.readTree(JSON.writeValueAsString(RunEvents.toJson(event)));
            assertEquals(golden, written, "line " + (i + 1));
            List<String> goldenOrder = new java.util.ArrayList<>();
            golden.fieldNames().forEachRemaining(goldenOrder::add);
            List<String> writtenOrder = new java.util.ArrayList<>();
            written.fieldNames().forEachRemaining(writtenOrder::add);
            assertEquals(goldenOrder, writtenOrder, "field order of line " + (i + 1));
        }
    }

    /** rollouts.jsonl and the harvest files: each golden line reads as its record and is written back as it was. */
    @Test
    void goldenRolloutAndHarvestLinesRoundTripFieldForField() throws Exception {
        Path dir = GOLDEN.getParent();
        List<String> rollouts = Files.readAllLines(dir.resolve("rollouts.jsonl"));
        assertEquals(2, rollouts.size());
        for (String line : rollouts) {
            JsonNode golden = JSON.readTree(line);
            RolloutGroup g = RunEvents.rolloutGroup(golden);
            assertSameFieldsInOrder(golden, RunEvents.toJson(g));
            assertEquals(golden.path("samples").size(), g.samples().size());
        }
        RolloutGroup first = RunEvents.rolloutGroup(JSON.readTree(rollouts.get(0)));
        assertEquals(1, first.step());
        assertEquals(1942, first.puzzle().index());
        assertEquals("WRONG_COUNT", first.samples().get(0).parse());
        assertEquals(null, first.samples().get(0).answer());
        assertTrue(first.samples().get(0).reward().total() == 0.0);
        for (String file : List.of("harvest.jsonl", "sft-data.jsonl")) {
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode golden = JSON.readTree(line);
                HarvestedRollout r = RunEvents.harvestedRollout(golden);
                assertEquals(2, r.step(), file);
                assertSameFieldsInOrder(golden, RunEvents.toJson(r));
            }
        }
    }

    @Test
    void aRolloutLineWithoutWhatItNeedsIsRefusedNamingTheField() throws Exception {
        String noSeed = "{\"step\": 1, \"puzzle\": {\"index\": 3}, \"samples\": []}";
        assertEquals("puzzle.seed is missing or not an integer", assertThrows(
                IllegalArgumentException.class, () -> RunEvents.rolloutGroup(JSON.readTree(noSeed))).getMessage());
        String noText = "{\"step\": 1, \"puzzle\": {\"seed\": 1, \"index\": 3}, \"samples\": [{\"exact\": true}]}";
        assertEquals("samples[0].text is missing or not a string", assertThrows(
                IllegalArgumentException.class, () -> RunEvents.rolloutGroup(JSON.readTree(noText))).getMessage());
        String oldLine = "{\"step\": 1, \"puzzle\": {\"seed\": 1, \"index\": 3}, \"samples\": [{\"text\": \"x\", "
                + "\"advantage\": \"NaN\", \"logprob_base\": null}]}";
        RolloutGroup.Sample s = RunEvents.rolloutGroup(JSON.readTree(oldLine)).samples().get(0);
        assertTrue(Double.isNaN(s.advantage()) && Double.isNaN(s.logprobBase()) && Double.isNaN(s.logprobPolicy()),
                "missing or null log-probabilities are NaN, never 0");
        assertEquals("train", RunEvents.rolloutGroup(JSON.readTree(oldLine)).puzzle().split());
    }

    /** Equal values (through text, as a reader sees the written line) and the same field order. */
    private static void assertSameFieldsInOrder(JsonNode golden, JsonNode writtenTree) throws Exception {
        JsonNode written = JSON.readTree(JSON.writeValueAsString(writtenTree));
        assertEquals(golden, written);
        List<String> goldenOrder = new java.util.ArrayList<>();
        golden.fieldNames().forEachRemaining(goldenOrder::add);
        List<String> writtenOrder = new java.util.ArrayList<>();
        written.fieldNames().forEachRemaining(writtenOrder::add);
        assertEquals(goldenOrder, writtenOrder);
    }

    @Test
    void typedFieldsCarryTheValuesIncludingTheNonFiniteSpelling() throws Exception {
        List<String> lines = Files.readAllLines(GOLDEN);
        SftTrainStep sft = (SftTrainStep) RunEvents.read(JSON.readTree(lines.get(6))).orElseThrow();
        assertEquals(4, sft.step());
        assertEquals("self-rollouts", sft.data());
        assertEquals(0.8812, sft.loss(), 0.0);
        EvalEvent eval = (EvalEvent) RunEvents.read(JSON.readTree(lines.get(3))).orElseThrow();
        assertEquals(0.0391, eval.eval().klTask(), 0.0);
        assertTrue(Double.isNaN(eval.eval().families().get("vqa").choice()), "the golden non-finite value");
        assertEquals(eval.eval().jigsaw().exact(), eval.eval().jigsawExact(), 0.0);
        assertTrue(eval.eval().seconds().knowledge() > 0);
        HarvestEvent harvest = (HarvestEvent) RunEvents.read(JSON.readTree(lines.get(4))).orElseThrow();
        assertEquals(5, harvest.harvest().kept());
        assertEquals(5, harvest.harvest().answerCounts().values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(harvest.harvest().perplexity().median() < harvest.harvest().perplexityAnswerOnly().median());
        // a score older Tessera wrote as null, and one a line lacks, read as NaN, never as 0
        JsonNode old = JSON.readTree("{\"step\": 2, \"event\": \"eval\", \"wall_s\": 1, \"eval\": {\"knowledge\": "
                + "{\"families\": {\"vqa\": {\"accuracy\": 0.5, \"choice\": null, \"n\": 4}}}}}");
        EvalEvent older = (EvalEvent) RunEvents.read(old).orElseThrow();
        assertTrue(Double.isNaN(older.eval().families().get("vqa").choice()));
        assertTrue(Double.isNaN(older.eval().families().get("vqa").nll()));
        assertTrue(Double.isNaN(older.eval().klTask()) && Double.isNaN(older.eval().jigsawExact()));
        assertTrue(Double.isNaN(older.eval().knowledgeAverage().accuracy()));
        GrpoTrainStep grpo = (GrpoTrainStep) RunEvents.read(JSON.readTree(lines.get(1))).orElseThrow();
        assertTrue(grpo.seconds().forwardBackward() > 0);
        JsonNode nan = JSON.readTree("{\"step\": 3, \"event\": \"train\", \"phase\": \"sft\", \"data\": \"answer-only\", "
                + "\"wall_s\": 1, \"loss\": \"NaN\", \"lr\": 0.001, \"grad_norm\": \"Infinity\", \"tokens_per_s\": 1, "
                + "\"samples_per_s\": 1, \"step_seconds\": 1}");
        SftTrainStep t = (SftTrainStep) RunEvents.read(nan).orElseThrow();
        assertTrue(Double.isNaN(t.loss()));
        assertEquals(Double.POSITIVE_INFINITY, t.gradNorm());
        assertEquals("\"NaN\"", RunEvents.toJson(t).get("loss").toString());
    }

    @Test
    void linesOfUnknownKindsOrWithoutAStepAreLeftToTheCaller() throws Exception {
        assertTrue(RunEvents.read(JSON.readTree("{\"step\": 1, \"event\": \"profile\"}")).isEmpty());
        assertTrue(RunEvents.read(JSON.readTree("{\"event\": \"eval\", \"eval\": {}}")).isEmpty());
        assertTrue(RunEvents.read(JSON.readTree("[1, 2]")).isEmpty());
        JsonNode wrongType = JSON.readTree("{\"step\": 1, \"event\": \"eval\", \"wall_s\": 1, "
                + "\"eval\": {\"jigsaw\": {\"exact\": \"most\"}}}");
        assertTrue(RunEvents.read(wrongType).isEmpty(), "a lenient reader goes on");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RunEvents.parse(wrongType));
        assertTrue(e.getMessage().startsWith("eval.jigsaw.exact: "), "a strict reader names the field: " + e.getMessage());
    }
}
