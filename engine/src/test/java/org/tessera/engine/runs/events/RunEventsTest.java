package org.tessera.engine.runs.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
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

    @Test
    void typedFieldsCarryTheValuesIncludingTheNonFiniteSpelling() throws Exception {
        List<String> lines = Files.readAllLines(GOLDEN);
        SftTrainStep sft = (SftTrainStep) RunEvents.read(JSON.readTree(lines.get(6))).orElseThrow();
        assertEquals(4, sft.step());
        assertEquals("self-rollouts", sft.data());
        assertEquals(0.8812, sft.loss(), 0.0);
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
    }
}
