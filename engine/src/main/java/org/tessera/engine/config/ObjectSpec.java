package org.tessera.engine.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A declarative description of a JSON object's fields, used to report every problem of a config file at once,
 * each with its JSON path (Jackson's binding stops at the first). Unknown fields are problems: a misspelt field
 * must never silently fall back to a default.
 */
public final class ObjectSpec {
    private enum Kind { INTEGER, NUMBER, STRING, BOOLEAN, CHOICE, OBJECT, PATTERN }

    private record Field(String name, Kind kind, boolean required, double min, double max, Set<String> choices,
                         String pattern, String hint, ObjectSpec object) {
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    public ObjectSpec integer(String name, boolean required, long min, long max) {
        fields.put(name, new Field(name, Kind.INTEGER, required, min, max, null, null, null, null));
        return this;
    }

    public ObjectSpec number(String name, boolean required, double min, double max) {
        fields.put(name, new Field(name, Kind.NUMBER, required, min, max, null, null, null, null));
        return this;
    }

    public ObjectSpec string(String name, boolean required) {
        fields.put(name, new Field(name, Kind.STRING, required, 0, 0, null, null, null, null));
        return this;
    }

    public ObjectSpec bool(String name, boolean required) {
        fields.put(name, new Field(name, Kind.BOOLEAN, required, 0, 0, null, null, null, null));
        return this;
    }

    public ObjectSpec choice(String name, boolean required, Set<String> choices) {
        fields.put(name, new Field(name, Kind.CHOICE, required, 0, 0, choices, null, null, null));
        return this;
    }

    /** A string matching a regular expression; {@code hint} says the expected form in messages ("RxC, e.g. 3x3"). */
    public ObjectSpec pattern(String name, boolean required, String regex, String hint) {
        fields.put(name, new Field(name, Kind.PATTERN, required, 0, 0, null, regex, hint, null));
        return this;
    }

    public ObjectSpec object(String name, boolean required, ObjectSpec spec) {
        fields.put(name, new Field(name, Kind.OBJECT, required, 0, 0, null, null, null, spec));
        return this;
    }

    /**
     * Every field that holds a value, by its dotted path under {@code prefix} (nested objects flattened), and
     * whether a file must have it: what a document of the format must describe (docs/experiments.md is checked
     * against it).
     */
    public Map<String, Boolean> leaves(String prefix) {
        return leaves(prefix, true);
    }

    /** As above; a field counts as required only when every object above it is required too. */
    private Map<String, Boolean> leaves(String prefix, boolean parentRequired) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (Field f : fields.values()) {
            String path = prefix.isEmpty() ? f.name() : prefix + "." + f.name();
            boolean required = parentRequired && f.required();
            if (f.kind() == Kind.OBJECT) {
                out.putAll(f.object().leaves(path, required));
            } else {
                out.put(path, required);
            }
        }
        return out;
    }

    public List<Problem> validate(JsonNode node, String path) {
        List<Problem> out = new ArrayList<>();
        validate(node, path, out);
        return out;
    }

    private void validate(JsonNode node, String path, List<Problem> out) {
        if (node == null || !node.isObject()) {
            out.add(new Problem(path, "must be a JSON object"));
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!fields.containsKey(n)) {
                out.add(new Problem(path + "." + n, "unknown field (known: " + String.join(", ", fields.keySet()) + ")"));
            }
        }
        for (Field f : fields.values()) {
            JsonNode v = node.get(f.name());
            String p = path + "." + f.name();
            if (v == null || v.isNull()) {
                if (f.required()) {
                    out.add(new Problem(p, "required field is missing"));
                }
                continue;
            }
            switch (f.kind()) {
                case INTEGER -> {
                    if (!v.isIntegralNumber()) {
                        out.add(new Problem(p, "must be a whole number, got " + describe(v)));
                    } else {
                        range(out, p, v.asDouble(), f);
                    }
                }
                case NUMBER -> {
                    if (!v.isNumber()) {
                        out.add(new Problem(p, "must be a number, got " + describe(v)));
                    } else {
                        range(out, p, v.asDouble(), f);
                    }
                }
                case STRING -> {
                    if (!v.isTextual()) {
                        out.add(new Problem(p, "must be a string, got " + describe(v)));
                    }
                }
                case BOOLEAN -> {
                    if (!v.isBoolean()) {
                        out.add(new Problem(p, "must be true or false, got " + describe(v)));
                    }
                }
                case CHOICE -> {
                    if (!v.isTextual() || !f.choices().contains(v.asText())) {
                        out.add(new Problem(p, "must be one of " + f.choices() + ", got " + describe(v)));
                    }
                }
                case PATTERN -> {
                    if (!v.isTextual() || !v.asText().matches(f.pattern())) {
                        out.add(new Problem(p, "must be " + f.hint() + ", got " + describe(v)));
                    }
                }
                case OBJECT -> f.object().validate(v, p, out);
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void range(List<Problem> out, String p, double v, Field f) {
        if (v < f.min() || v > f.max()) {
            out.add(new Problem(p, "must be between " + fmt(f.min()) + " and " + fmt(f.max()) + ", got " + fmt(v)));
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "\"" + v.asText() + "\"";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isArray()) {
            return "a list";
        }
        return v.toString();
    }
}
