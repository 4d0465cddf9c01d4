package org.tessera.engine.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/architecture.md's list of environment variables is TesseraEnvironment's, no more and no less. */
class EnvironmentDocsTest {
    @Test
    void everyVariableIsDocumentedAndEveryDocumentedOneIsRead() throws Exception {
        String doc = Files.readString(Path.of("../docs/architecture.md"));
        String section = doc.substring(doc.indexOf("## Environment"));
        int next = section.indexOf("\n## ", 4);
        section = next < 0 ? section : section.substring(0, next);
        List<String> problems = new ArrayList<>();
        List<String> declared = new ArrayList<>();
        for (TesseraEnvironment e : TesseraEnvironment.values()) {
            declared.add(e.variable());
            if (!section.contains("| `" + e.variable() + "` | " + e.help() + " |")) {
                problems.add(e.variable() + " is read but not documented as: " + e.help());
            }
        }
        Matcher m = Pattern.compile("`(TESSERA_[A-Z_0-9]+)`").matcher(section);
        while (m.find()) {
            if (!declared.contains(m.group(1))) {
                problems.add(m.group(1) + " is documented but not read");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
