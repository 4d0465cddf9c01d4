package org.tessera.engine.jigsaw;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The worked example of docs/tasks.md: its pictures and its text. Regenerate the pictures with
 * {@code java -cp engine/target/classes org.tessera.engine.jigsaw.JigsawDocs docs/images}; the test
 * {@code JigsawDocsTest} fails if docs/tasks.md no longer shows what this code produces.
 */
public final class JigsawDocs {
    public static final long SEED = 7;
    public static final int INDEX = 2;

    private JigsawDocs() {
    }

    public static Puzzle examplePuzzle() {
        return new PuzzleGenerator(PuzzleSpec.procedural(new Grid(3, 3))).puzzle(SEED, INDEX);
    }

    /** A plausible wrong answer for the reassembly picture: the truth with two entries swapped. */
    public static int[] exampleWrongAnswer() {
        int[] a = examplePuzzle().answer();
        int t = a[0];
        a[0] = a[1];
        a[1] = t;
        return a;
    }

    /** The example's prompt and teacher completion exactly as the model sees and writes them. */
    public static String exampleText() {
        Puzzle p = examplePuzzle();
        return "Prompt (THINK, composite):\n"
                + PromptTemplate.THINK.text(p.grid(), Presentation.COMPOSITE, PromptWording.WORLD)
                + "\n\nPrompt (ANSWER, tiles):\n"
                + PromptTemplate.ANSWER.text(p.grid(), Presentation.TILES, PromptWording.WORLD)
                + "\n\nPrompt for a real model (THINK, composite):\n"
                + PromptTemplate.THINK.text(p.grid(), Presentation.COMPOSITE, PromptWording.NATURAL)
                + "\n\nTeacher completion:\n" + Teacher.solve(p).completion()
                + "\n\nAnswer-only completion:\n" + PromptTemplate.ANSWER.completion(null, p.answer(), p.grid());
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(dir);
        Puzzle p = examplePuzzle();
        ImageIO.write(JigsawRenderer.sourceForPeople(p, 6), "png", dir.resolve("jigsaw-example-source.png").toFile());
        ImageIO.write(JigsawRenderer.forPeople(p, 6), "png", dir.resolve("jigsaw-example-composite.png").toFile());
        ImageIO.write(JigsawRenderer.forPeople(new Puzzle(p.id(), p.spec().withPresentation(Presentation.TILES),
                p.seed(), p.index(), p.imageId(), p.source(), p.permutation()), 4), "png",
                dir.resolve("jigsaw-example-tiles.png").toFile());
        ImageIO.write(JigsawRenderer.composite(p), "png", dir.resolve("jigsaw-example-model-input.png").toFile());
        ImageIO.write(Reassembler.reassemble(p, exampleWrongAnswer()).overlay(6), "png",
                dir.resolve("jigsaw-example-reassembly.png").toFile());
        System.out.println(exampleText());
    }
}
