package org.tessera.engine.runs.events;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The one writer and the one reader of metrics.jsonl events. Non-finite numbers are written as the strings "NaN",
 * "Infinity", "-Infinity" and read back as those values (docs/contracts/README.md); unknown fields are ignored when
 * reading (a newer worker may add some).
 */
public final class RunEvents {
    private static final ObjectMapper JSON = TesseraJson.LENIENT;

    private RunEvents() {
    }

    /** The event as the JSON object its line holds. */
    public static ObjectNode toJson(RunEvent event) {
        return JSON.valueToTree(event);
    }

    /**
     * The typed event of a parsed line, or empty when the line is not an event this version knows (another kind,
     * a missing field): a reader goes on with the next line.
     */
    public static Optional<RunEvent> read(JsonNode line) {
        if (line == null || !line.isObject() || !line.path("step").isIntegralNumber()) {
            return Optional.empty();
        }
        Class<? extends RunEvent> type = switch (line.path("event").asText()) {
            case "train" -> switch (line.path("phase").asText()) {
                case "grpo" -> GrpoTrainStep.class;
                case "sft" -> SftTrainStep.class;
                default -> null;
            };
            case "eval" -> EvalEvent.class;
            case "harvest" -> HarvestEvent.class;
            default -> null;
        };
        if (type == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(line, type));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
