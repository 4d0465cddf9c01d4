package org.tessera.engine.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the evaluation events of a run's metrics.jsonl strictly: a line that is not a JSON object, or an eval event
 * without a numeric {@code step}, fails with {@code FILE:LINE: problem}. Only a cut-off last line (no final newline:
 * a run still writing) is ignored, as in {@code analyze kl}.
 */
public final class MetricsReader {
    public static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    private MetricsReader() {
    }

    /** The eval events in step order (file order for equal steps). */
    public static List<EvalPoint> evals(Path metrics) {
        String text;
        try {
            text = Files.readString(metrics);
        } catch (IOException e) {
            throw new AnalysisDataException(metrics, "cannot read (" + e.getMessage() + ")");
        }
        String[] lines = text.split("\n", -1);
        boolean cutOff = !text.isEmpty() && !text.endsWith("\n");
        List<EvalPoint> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JsonProcessingException e) {
                if (cutOff && i == lines.length - 1) {
                    break;
                }
                throw new AnalysisDataException(metrics, i + 1, "not valid JSON (" + e.getOriginalMessage() + ")");
            }
            if (n == null || !n.isObject()) {
                throw new AnalysisDataException(metrics, i + 1, "not a JSON object");
            }
            if (!"eval".equals(n.path("event").asText())) {
                continue;
            }
            if (!n.path("step").canConvertToLong() || !n.path("step").isNumber()) {
                throw new AnalysisDataException(metrics, i + 1, "eval event without a numeric \"step\"");
            }
            JsonNode ev = n.path("eval");
            if (!ev.isObject()) {
                throw new AnalysisDataException(metrics, i + 1, "eval event without an \"eval\" object");
            }
            Map<String, Double> families = new LinkedHashMap<>();
            ev.path("knowledge").path("families").fields()
                    .forEachRemaining(f -> families.put(f.getKey(), num(f.getValue().path("accuracy"))));
            out.add(new EvalPoint(n.path("step").asLong(), num(n.path("wall_s")), num(ev.path("jigsaw").path("exact")),
                    num(ev.path("jigsaw").path("hit")), num(ev.path("knowledge").path("average").path("accuracy")),
                    families, num(ev.path("kl_task")), num(ev.path("kl_knowledge"))));
        }
        out.sort(Comparator.comparingLong(EvalPoint::step));
        return out;
    }

    public static double num(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }
}
