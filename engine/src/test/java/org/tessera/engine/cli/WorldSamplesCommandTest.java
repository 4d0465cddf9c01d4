package org.tessera.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldSamplesCommandTest {

    @Test
    void writesPicturesAndOneJsonLinePerItem(@TempDir Path dir) throws Exception {
        int rc = new CommandLine(new WorldSamplesCommand()).execute("--out", dir.toString(), "--n", "2", "--scale", "2");
        assertEquals(0, rc);
        List<String> lines = Files.readAllLines(dir.resolve("samples.jsonl"));
        assertEquals(12, lines.size());
        int pictures = 0;
        for (String line : lines) {
            JsonNode item = new ObjectMapper().readTree(line);
            assertTrue(item.get("target").asText().endsWith("</answer>"));
            if (!item.get("image").isNull()) {
                BufferedImage img = ImageIO.read(dir.resolve(item.get("image").asText()).toFile());
                assertEquals(96, img.getWidth());
                pictures++;
            }
        }
        assertEquals(10, pictures, "every family but text has pictures");
        assertTrue(Files.notExists(dir.resolve("samples.jsonl.tmp")));
    }

    @Test
    void rejectsUnknownFamilies(@TempDir Path dir) {
        int rc = new CommandLine(new WorldSamplesCommand()).execute("--out", dir.toString(), "--family", "jigsaw");
        assertTrue(rc != 0);
    }
}
