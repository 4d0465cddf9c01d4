package org.tessera.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.ModelArchitectures;
import org.tessera.engine.testing.StdStreams;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A folder whose config.json names an architecture no provider registers: a message listing the known ones. */
class UnknownArchitectureTest {
    @RegisterExtension
    final StdStreams std = new StdStreams();

    @Test
    void infoNamesTheFileTheArchitectureAndEverySupportedOneWithoutAStackTrace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"architectures\": [\"SomethingElse\"]}");
        int rc = TesseraCli.execute("info", "--model", dir.toString());
        assertNotEquals(0, rc);
        String err = std.err();
        assertTrue(err.contains(dir.resolve("config.json") + ": architecture 'SomethingElse' is not supported"), err);
        assertTrue(err.contains("supported: tessera-tiny-vlm, Qwen2_5_VLForConditionalGeneration"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void bothArchitecturesAreFoundThroughTheirProviders() {
        assertEquals(java.util.List.of("tessera-tiny-vlm", "Qwen2_5_VLForConditionalGeneration"),
                java.util.List.copyOf(ModelArchitectures.all().keySet()));
    }
}
