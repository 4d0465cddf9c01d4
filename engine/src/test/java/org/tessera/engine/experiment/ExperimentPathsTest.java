package org.tessera.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.config.Problem;
import org.tessera.engine.model.tiny.TinyVlmConfig;

class ExperimentPathsTest {
    @TempDir
    Path root;

    @Test
    void aFolderWhoseConfigNamesAKnownArchitectureAndABuiltInSourcePass() throws Exception {
        Path model = Files.createDirectories(root.resolve("m"));
        Files.writeString(model.resolve("config.json"), "{\"architecture\": \"" + TinyVlmConfig.ARCHITECTURE + "\"}");
        assertEquals(List.of(), ExperimentPaths.problems("m", "scenery", root));
        Path images = Files.createDirectories(root.resolve("images"));
        assertEquals(List.of(), ExperimentPaths.problems(model.toString(), images.toString(), root));
    }

    @Test
    void aFolderWithoutConfigIsNotAModel() throws Exception {
        Files.createDirectories(root.resolve("notes"));
        Problem p = only(ExperimentPaths.problems("notes", "procedural", root));
        assertEquals("$.base_model", p.path());
        assertTrue(p.message().contains("config.json"), p.message());
    }

    @Test
    void anUnsupportedArchitectureAndAMissingFolderAreNamed() throws Exception {
        Path model = Files.createDirectories(root.resolve("bert"));
        Files.writeString(model.resolve("config.json"), "{\"architectures\": [\"BertModel\"]}");
        Problem p = only(ExperimentPaths.problems("bert", "assets", root));
        assertTrue(p.message().contains("'BertModel' is not supported"), p.message());
        Problem missing = only(ExperimentPaths.problems("nowhere", "procedural", root));
        assertTrue(missing.message().contains("does not exist"), missing.message());
    }

    @Test
    void aSourceFolderThatDoesNotExistIsRefused() {
        Path gone = root.resolve("no-such-images");
        List<Problem> problems = ExperimentPaths.problems(null, gone.toString(), root);
        Problem p = only(problems);
        assertEquals("$.task.source", p.path());
        assertTrue(p.message().contains(gone.toString()) && p.message().contains("does not exist"), p.message());
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }
}
