package org.tessera.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tessera run} refuses an experiment whose folders are wrong before it makes a run folder. */
class RunCommandPathsTest {
    @TempDir
    Path temp;

    @Test
    void aNonModelFolderAndAMissingImageFolderAreRefusedBeforeAnyRunFolderExists() throws Exception {
        Path notAModel = Files.createDirectories(temp.resolve("photos"));
        Path missing = temp.resolve("no-such-images");
        Path file = temp.resolve("bad-paths.json");
        Files.writeString(file, "{\"schema\": 1, \"name\": \"bad-paths\", \"base_model\": \"" + notAModel + "\", "
                + "\"seed\": 1, \"task\": {\"grid\": \"2x2\", \"source\": \"" + missing + "\", "
                + "\"prompt\": \"answer-only\", \"train_size\": 4, \"test_size\": 2}, "
                + "\"method\": {\"kind\": \"sft\", \"steps\": 1, \"lr\": 0.001, \"sft\": {\"data\": \"answer-only\"}}, "
                + "\"eval\": {\"every\": 1}, \"checkpoint\": {\"every\": 1}}");
        Path runs = temp.resolve("runs");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new RunCommand());
        cli.setErr(new PrintWriter(err));
        int rc = cli.execute(file.toString(), "--runs-dir", runs.toString(), "--no-progress");

        assertNotEquals(0, rc);
        assertTrue(err.toString().contains("$.base_model: not a model folder"), err.toString());
        assertTrue(err.toString().contains("$.task.source: image folder " + missing + " does not exist"),
                err.toString());
        long folders = Files.isDirectory(runs) ? countEntries(runs) : 0;
        assertEquals(0, folders);
    }

    private static long countEntries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }
}
