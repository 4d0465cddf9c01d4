package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.cli.PuzzlesCommand;
import picocli.CommandLine;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class JigsawCliTest {

    private static int run(String... args) {
        return new CommandLine(new PuzzlesCommand()).execute(args);
    }

    @Test
    void writesPngsAndJsonlReproducibly(@TempDir Path dir) throws Exception {
        Path a = dir.resolve("a"), b = dir.resolve("b");
        assertEquals(0, run("--grid", "3x3", "--n", "5", "--seed", "9", "--out", a.toString()));
        assertEquals(0, run("--grid", "3x3", "--n", "5", "--seed", "9", "--out", b.toString()));
        List<String> lines = Files.readAllLines(a.resolve("puzzles.jsonl"));
        assertEquals(5, lines.size());
        assertArrayEquals(Files.readAllBytes(a.resolve("puzzles.jsonl")), Files.readAllBytes(b.resolve("puzzles.jsonl")));
        assertArrayEquals(Files.readAllBytes(a.resolve("images/p-9-3.png")), Files.readAllBytes(b.resolve("images/p-9-3.png")));
        assertFalse(Files.exists(a.resolve("puzzles.jsonl.tmp")));

        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("p-9-0", first.get("id").asText());
        assertEquals("3x3", first.get("grid").asText());
        assertEquals(9, first.get("answer").size());
        BufferedImage model = ImageIO.read(a.resolve(first.get("images").get(0).asText()).toFile());
        assertEquals(48, model.getWidth());
        assertTrue(Files.exists(a.resolve(first.get("people").asText())));
        // The record regenerates exactly the puzzle whose image was written.
        Puzzle p = json.readValue(lines.get(0), PuzzleRecord.class).regenerate();
        assertTrue(Images.samePixels(JigsawRenderer.composite(p), model));
    }

    @Test
    void tilesPresentationFromAssets(@TempDir Path dir) throws Exception {
        assertEquals(0, run("--grid", "2x3", "--n", "2", "--source", "assets", "--presentation", "tiles",
                "--split", "test", "--people-scale", "0", "--out", dir.toString()));
        JsonNode rec = new ObjectMapper().readTree(Files.readAllLines(dir.resolve("puzzles.jsonl")).get(0));
        assertEquals(6, rec.get("images").size());
        assertEquals("images/p-0-0-t1.png", rec.get("images").get(0).asText());
        assertEquals("test", rec.get("split").asText());
        assertNull(rec.get("people"));
    }

    @Test
    void badOptionsFailWithAMessage(@TempDir Path dir) {
        assertEquals(2, run("--grid", "5x5", "--out", dir.toString()));
        assertEquals(2, run("--grid", "3x3", "--presentation", "poster", "--out", dir.toString()));
        assertEquals(2, run("--grid", "3x3", "--source", dir.resolve("nope").toString(), "--out", dir.toString()));
    }
}
