package org.tessera.engine.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.analysis.JsonlLines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads one number per data kind from the JSON that {@code tessera analyze perplexity|influence --json} prints
 * ({@code kinds[]}). A missing file, invalid JSON or a missing field fails with the file (and line) named.
 */
public final class AnalysisJsonFiles {
    private AnalysisJsonFiles() {
    }

    /** kind -> median per-sample perplexity ({@code kinds[].kind}, {@code kinds[].perplexity.median}). */
    public static Map<String, Double> medianPerplexity(Path file) {
        return perKind(file, "kind", "perplexity", "median", "tessera analyze perplexity --json");
    }

    /** kind -> mean eNTK lower bound ({@code kinds[].group}, {@code kinds[].meanEntkLowerBound}). */
    public static Map<String, Double> influenceMagnitude(Path file) {
        return perKind(file, "group", "meanEntkLowerBound", null, "tessera analyze influence --json");
    }

    private static Map<String, Double> perKind(Path file, String nameField, String field, String subField,
                                               String producer) {
        JsonNode root = read(file);
        JsonNode kinds = root.path("kinds");
        if (!kinds.isArray() || kinds.isEmpty()) {
            throw new AnalysisDataException(file, "no \"kinds\" array (expected the output of `" + producer + "`)");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            JsonNode k = kinds.get(i);
            JsonNode v = subField == null ? k.path(field) : k.path(field).path(subField);
            String path = "kinds[" + i + "]." + field + (subField == null ? "" : "." + subField);
            if (!k.path(nameField).isTextual()) {
                throw new AnalysisDataException(file, "kinds[" + i + "]." + nameField + ": missing (expected the"
                        + " output of `" + producer + "`)");
            }
            if (!v.isNumber()) {
                throw new AnalysisDataException(file, path + ": missing or not a number (expected the output of `"
                        + producer + "`)");
            }
            out.put(k.path(nameField).asText(), v.asDouble());
        }
        return out;
    }

    private static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnalysisDataException(file, "no such file");
        }
        try {
            JsonNode n = JsonlLines.JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new AnalysisDataException(file, "not a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            String problem = "not valid JSON (" + e.getOriginalMessage() + ")";
            throw line > 0 ? new AnalysisDataException(file, line, problem) : new AnalysisDataException(file, problem);
        } catch (IOException e) {
            throw new AnalysisDataException(file, "cannot read (" + e.getMessage() + ")");
        }
    }
}
