package org.tessera.app.runs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The fields in which two experiments differ, path by path ("—" where one of them lacks the field). */
public final class ConfigDiff {
    public record Line(String path, String left, String right) {
    }

    private ConfigDiff() {
    }

    public static List<Line> between(JsonNode left, JsonNode right) {
        Map<String, JsonNode> a = JsonPaths.leaves(left);
        Map<String, JsonNode> b = JsonPaths.leaves(right);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Line> out = new ArrayList<>();
        for (String p : paths) {
            if (!Objects.equals(a.get(p), b.get(p))) {
                out.add(new Line(p, text(a.get(p)), text(b.get(p))));
            }
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n == null ? "—" : n.isTextual() ? n.asText() : n.toString();
    }
}
