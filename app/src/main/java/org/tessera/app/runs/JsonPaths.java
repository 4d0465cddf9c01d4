package org.tessera.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Flattens a JSON object into {@code $.a.b -> value} leaves: the form's rows and the diff's lines share this. */
final class JsonPaths {
    private JsonPaths() {
    }

    static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(root, "$", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> out) {
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "." + e.getKey(), out));
        } else {
            out.put(path, node);
        }
    }
}
