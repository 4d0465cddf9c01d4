package org.tessera.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.runs.events.RunEvents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the evaluation events of a run's metrics.jsonl strictly ({@link JsonlLines}): a line that is not a JSON
 * object, or an eval event without a numeric {@code step}, fails with {@code FILE:LINE: problem}. Serves both
 * {@code analyze kl} and the report.
 */
public final class MetricsReader {
    private MetricsReader() {
    }

    /** The eval events in step order (file order for equal steps). */
    public static List<EvalPoint> evals(Path metrics) {
        List<EvalPoint> out = new ArrayList<>();
        for (JsonlLines.Line line : JsonlLines.read(metrics)) {
            JsonNode n = line.json();
            if (n == null || !n.isObject()) {
                throw new AnalysisDataException(metrics, line.number(), "not a JSON object");
            }
            if (!"eval".equals(n.path("event").asText())) {
                continue;
            }
            if (!n.path("step").canConvertToLong() || !n.path("step").isNumber()) {
                throw new AnalysisDataException(metrics, line.number(), "eval event without a numeric \"step\"");
            }
            if (!n.path("eval").isObject()) {
                throw new AnalysisDataException(metrics, line.number(), "eval event without an \"eval\" object");
            }
            out.add(evalPoint(n));
        }
        out.sort(Comparator.comparingLong(EvalPoint::step));
        return out;
    }

    /**
     * One eval event as a point, or null when {@code n} is not an eval event with a numeric step and an eval
     * object. The live path (the workbench's run feed) hands events here already parsed: no file is read.
     */
    public static EvalPoint evalPoint(JsonNode n) {
        if (!(RunEvents.read(n).orElse(null) instanceof EvalEvent e) || !e.eval().isObject()) {
            return null;
        }
        JsonNode ev = e.eval();
        Map<String, Double> families = new LinkedHashMap<>();
        ev.path("knowledge").path("families").fields()
                .forEachRemaining(f -> families.put(f.getKey(), num(f.getValue().path("accuracy"))));
        return new EvalPoint(e.step(), e.wallSeconds(), num(ev.path("jigsaw").path("exact")),
                num(ev.path("jigsaw").path("hit")), num(ev.path("knowledge").path("average").path("accuracy")),
                families, num(ev.path("kl_task")), num(ev.path("kl_knowledge")));
    }

    /**
     * A number as written in a run folder: a JSON number, or one of the spellings of a non-finite value,
     * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (docs/contracts); anything else (missing, null) is NaN.
     */
    public static double num(JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        return switch (n.isTextual() ? n.asText() : "") {
            case "Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.NaN;
        };
    }
}
