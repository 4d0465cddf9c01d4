package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** docs/tasks.md must show exactly what the code produces; regenerate with JigsawDocs if this fails. */
class JigsawDocsTest {

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("docs")) && Files.isDirectory(p.resolve("engine"))) {
                return p;
            }
        }
        throw new AssertionError("repository root not found above " + Path.of("").toAbsolutePath());
    }

    @Test
    void tasksDocShowsTheGeneratedExample() throws Exception {
        Path root = repoRoot();
        String doc = Files.readString(root.resolve("docs/tasks.md"));
        String example = JigsawDocs.exampleText();
        assertTrue(doc.contains(example), "docs/tasks.md is out of date; its example must contain:\n" + example);
        for (String img : new String[]{"jigsaw-example-source.png", "jigsaw-example-composite.png",
                "jigsaw-example-tiles.png", "jigsaw-example-reassembly.png", "jigsaw-example-model-input.png"}) {
            assertTrue(Files.exists(root.resolve("docs/images").resolve(img)), img);
            assertTrue(doc.contains("images/" + img), "docs/tasks.md does not show " + img);
        }
        assertTrue(Teacher.verified(JigsawDocs.examplePuzzle()).isPresent(), "the documented example is solved");
    }
}
