package org.tessera.engine.experiment;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/experiments.md and the schema the loader and the runs form use (ExperimentSchema) describe the same fields:
 * every field has a row, every row names a field, and a required field is documented as required.
 */
class ExperimentDocsTest {
    private static final Pattern FIELD = Pattern.compile("`([a-z_]+(?:\\.[a-z_]+)*)`");

    @Test
    void theFieldTableAndTheSchemaAgree() throws Exception {
        Map<String, Boolean> schema = ExperimentSchema.spec().leaves("");
        Map<String, String> documented = new LinkedHashMap<>(); // field -> its row's default cell
        boolean inTable = false;
        for (String line : Files.readAllLines(Path.of("../docs/experiments.md"))) {
            if (line.startsWith("| field | type")) {
                inTable = true; // the field table; the run folder's file table further down is not about fields
                continue;
            }
            if (!inTable || !line.startsWith("|")) {
                inTable = inTable && line.startsWith("|");
                continue;
            }
            String[] cells = line.split("\\|");
            Matcher m = FIELD.matcher(cells[1]);
            String parent = "";
            while (m.find()) {
                // "`method.lora.alpha` / `dropout`": a bare name after a path is that path's sibling
                String name = m.group(1).contains(".") || parent.isEmpty() ? m.group(1) : parent + "." + m.group(1);
                parent = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : "";
                documented.put(name, cells.length > 3 ? cells[3].strip() : "");
            }
        }
        // a row may document a whole object ("`method.grpo.reward_weights`"): its fields count as documented
        for (String d : List.copyOf(documented.keySet())) {
            for (String leaf : schema.keySet()) {
                if (leaf.startsWith(d + ".")) {
                    documented.putIfAbsent(leaf, documented.get(d));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Boolean> f : schema.entrySet()) {
            String doc = documented.get(f.getKey());
            if (doc == null) {
                problems.add(f.getKey() + ": in the schema, not in docs/experiments.md");
            } else if (f.getValue() && !doc.startsWith("required")) {
                problems.add(f.getKey() + ": required by the schema, documented with default '" + doc + "'");
            }
        }
        for (String d : documented.keySet()) {
            boolean known = schema.containsKey(d) || schema.keySet().stream().anyMatch(k -> k.startsWith(d + "."));
            if (!known) {
                problems.add(d + ": documented, not in the schema");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
