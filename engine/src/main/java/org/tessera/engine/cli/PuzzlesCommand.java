package org.tessera.engine.cli;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.ImageSource;
import org.tessera.engine.jigsaw.JigsawRenderer;
import org.tessera.engine.jigsaw.Presentation;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleGenerator;
import org.tessera.engine.jigsaw.PuzzleRecord;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.Split;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tessera puzzles}: writes a reproducible puzzle set as PNGs plus {@code puzzles.jsonl}. The JSONL is
 * written to a temporary file and renamed, so it is complete or absent.
 */
@Command(name = "puzzles", mixinStandardHelpOptions = true,
        description = "Generate jigsaw puzzles: model-input PNGs, pictures for people, and puzzles.jsonl.")
public final class PuzzlesCommand implements Callable<Integer> {

    @Option(names = "--grid", defaultValue = "3x3", description = "ROWSxCOLS, e.g. 2x2, 3x3, 2x4 (default ${DEFAULT-VALUE})")
    String grid;

    @Option(names = "--n", defaultValue = "100", description = "number of puzzles (default ${DEFAULT-VALUE})")
    int n;

    @Option(names = "--source", defaultValue = "procedural",
            description = "procedural, scenery, assets, or a folder of PNG/JPEG files (default ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--presentation", defaultValue = "composite",
            description = "composite (one shuffled image) or tiles (one image per tile) (default ${DEFAULT-VALUE})")
    String presentation;

    @Option(names = "--grid-lines", description = "draw thin lines between tiles in the model's composite image")
    boolean gridLines;

    @Option(names = "--seed", defaultValue = "0", description = "seed; same seed, same puzzles (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--split", defaultValue = "train", description = "train or test image split (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--size", defaultValue = "48",
            description = "source image side in pixels, divisible by rows and cols (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--people-scale", defaultValue = "6",
            description = "upscale factor of the pictures for people; 0 = none (default ${DEFAULT-VALUE})")
    int peopleScale;

    @Option(names = "--allow-identity", description = "allow an unshuffled arrangement to be drawn")
    boolean allowIdentity;

    @Option(names = "--out", required = true, description = "output folder (created)")
    Path out;

    @Override
    public Integer call() throws IOException {
        PuzzleSpec spec;
        PuzzleGenerator generator;
        try {
            if (n < 1) {
                throw new IllegalArgumentException("--n must be >= 1, got " + n);
            }
            if (peopleScale < 0 || peopleScale > 32) {
                throw new IllegalArgumentException("--people-scale must be 0..32, got " + peopleScale);
            }
            spec = new PuzzleSpec(Grid.parse(grid), source, Presentation.parse(presentation), gridLines, size,
                    Split.parse(split), allowIdentity);
            generator = new PuzzleGenerator(spec);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("puzzles: " + e.getMessage());
            return 2;
        }
        for (ImageSource.SkippedFile s : generator.source().skipped()) {
            System.err.println("skipped " + s.file() + ": " + s.reason());
        }
        Path images = out.resolve("images");
        Path people = out.resolve("people");
        Files.createDirectories(images);
        if (peopleScale > 0) {
            Files.createDirectories(people);
        }
        ObjectMapper json = TesseraJson.MAPPER;
        Path jsonl = out.resolve("puzzles.jsonl");
        Path tmp = out.resolve("puzzles.jsonl.tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                Puzzle p;
                try {
                    p = generator.puzzle(seed, i);
                } catch (IllegalStateException e) {
                    System.err.println("puzzles: " + e.getMessage());
                    Files.deleteIfExists(tmp);
                    return 2;
                }
                List<String> files = new ArrayList<>();
                List<BufferedImage> model = JigsawRenderer.modelImages(p);
                for (int t = 0; t < model.size(); t++) {
                    String name = model.size() == 1 ? p.id() + ".png" : p.id() + "-t" + (t + 1) + ".png";
                    ImageIO.write(model.get(t), "png", images.resolve(name).toFile());
                    files.add("images/" + name);
                }
                String peopleFile = null;
                if (peopleScale > 0) {
                    peopleFile = "people/" + p.id() + ".png";
                    ImageIO.write(JigsawRenderer.forPeople(p, peopleScale), "png", out.resolve(peopleFile).toFile());
                }
                w.write(json.writeValueAsString(PuzzleRecord.of(p, files, peopleFile)));
                w.write('\n');
            }
        }
        Files.move(tmp, jsonl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        PrintWriter o = new PrintWriter(System.out, true);
        o.println("wrote " + n + " " + spec.grid() + " puzzles from " + generator.source().describe() + " to " + jsonl);
        return 0;
    }
}
