package org.tessera.engine.runs.events;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one writer and the one reader of the lines of a run's logs: metrics.jsonl events, rollouts.jsonl groups and
 * the harvest files' rollouts. Non-finite numbers are written as the strings "NaN",
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

    /** A rollouts.jsonl group as the JSON object its line holds. */
    public static ObjectNode toJson(RolloutGroup group) {
        return JSON.valueToTree(group);
    }

    /** A harvest file's rollout (harvest.jsonl, sft-data.jsonl) as the JSON object its line holds. */
    public static ObjectNode toJson(HarvestedRollout rollout) {
        return JSON.valueToTree(rollout);
    }

    /**
     * A rollouts.jsonl line as its group.
     *
     * @throws IllegalArgumentException naming what is wrong when the line is not a group (no step, puzzle or samples)
     */
    public static RolloutGroup rolloutGroup(JsonNode line) {
        requireLine(line);
        if (!line.path("samples").isArray()) {
            throw new IllegalArgumentException("samples is missing or not a list");
        }
        RolloutGroup g = convert(line, RolloutGroup.class);
        for (int k = 0; k < g.samples().size(); k++) {
            if (!line.path("samples").path(k).path("text").isTextual()) {
                throw new IllegalArgumentException("samples[" + k + "].text is missing or not a string");
            }
        }
        return g;
    }

    /**
     * A harvest file's line as its rollout.
     *
     * @throws IllegalArgumentException naming what is wrong when the line lacks its step, puzzle or text
     */
    public static HarvestedRollout harvestedRollout(JsonNode line) {
        requireLine(line);
        if (!line.path("text").isTextual()) {
            throw new IllegalArgumentException("text is missing or not a string");
        }
        return convert(line, HarvestedRollout.class);
    }

    /** What every logged line needs: an object with an integer step and a puzzle that can be regenerated. */
    private static void requireLine(JsonNode line) {
        if (line == null || !line.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        if (!line.path("step").isIntegralNumber()) {
            throw new IllegalArgumentException("step is missing or not an integer");
        }
        for (String field : new String[] {"seed", "index"}) {
            if (!line.path("puzzle").path(field).isIntegralNumber()) {
                throw new IllegalArgumentException("puzzle." + field + " is missing or not an integer");
            }
        }
    }

    private static <T> T convert(JsonNode line, Class<T> type) {
        try {
            return JSON.treeToValue(line, type);
        } catch (JsonProcessingException e) {
            String where = e instanceof JsonMappingException m ? path(m) : "";
            throw new IllegalArgumentException((where.isEmpty() ? "" : where + ": ") + e.getOriginalMessage(), e);
        }
    }

    /** Where in the line a field did not read, as a path: {@code eval.jigsaw.exact}, {@code samples[2].reward}. */
    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The typed event of a parsed line, or empty when the line is not an event this version knows (another kind,
     * a missing field): a reader goes on with the next line.
     */
    public static Optional<RunEvent> read(JsonNode line) {
        try {
            return Optional.ofNullable(parse(line));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The typed event of a parsed line; null when it is not an event this version knows (not an object, no
     * integer step, another kind).
     *
     * @throws IllegalArgumentException naming the field when a known kind of event does not read (a field of the
     *                                  wrong type): strict readers report it with the file and line
     */
    public static RunEvent parse(JsonNode line) {
        if (line == null || !line.isObject() || !line.path("step").isIntegralNumber()) {
            return null;
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
        return type == null ? null : convert(line, type);
    }

    /**
     * A train step's top-level numbers by their field names ({@code loss}, {@code lr}, {@code reward_mean} ...),
     * finite ones only, in the line's order, without {@code step}: what a chart of "any train metric" plots, so
     * that a metric added to an event record is chartable without touching the charts.
     */
    public static Map<String, Double> numbers(TrainStep step) {
        Map<String, Double> out = new LinkedHashMap<>();
        toJson(step).fields().forEachRemaining(f -> {
            if (f.getValue().isNumber() && !f.getKey().equals("step") && Double.isFinite(f.getValue().asDouble())) {
                out.put(f.getKey(), f.getValue().asDouble());
            }
        });
        return out;
    }
}
