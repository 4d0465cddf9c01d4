package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** Properties over thousands of seeds, on 12-pixel images so they stay cheap. */
class JigsawGeneratorPropertyTest {
    static final List<Grid> GRIDS = List.of(new Grid(1, 2), new Grid(2, 1), new Grid(2, 2), new Grid(2, 3),
            new Grid(3, 2), new Grid(3, 3), new Grid(3, 4), new Grid(4, 4), new Grid(1, 4));

    @Test
    void groundTruthAlwaysReassemblesTheSourcePixelExactly() {
        int checked = 0;
        for (Grid g : GRIDS) {
            for (Presentation pres : Presentation.values()) {
                PuzzleGenerator gen = new PuzzleGenerator(PuzzleSpec.procedural(g).withImageSize(12).withPresentation(pres));
                for (int i = 0; i < 250; i++) {
                    Puzzle p = gen.puzzle(i * 31L, i);
                    assertFalse(p.permutation().isIdentity(), p.id());
                    // From the model's own input: reassemble the shown composite/tiles with the true answer.
                    Reassembler.Reassembly r = Reassembler.reassemble(p, p.answer());
                    assertTrue(r.solved(), p.id());
                    assertTrue(Images.samePixels(p.source(), r.image()), p.id() + " " + g);
                    assertTrue(Images.samePixels(p.source(), fromModelImages(p)), p.id() + " " + g);
                    checked++;
                }
            }
        }
        assertEquals(GRIDS.size() * 2 * 250, checked);
    }

    /** Reassembles from exactly the images the model is given, so the renderer is covered too. */
    private static BufferedImage fromModelImages(Puzzle p) {
        List<BufferedImage> imgs = JigsawRenderer.modelImages(p);
        PuzzleSpec s = p.spec();
        Grid g = p.grid();
        BufferedImage out = Images.rgb(s.imageSize(), s.imageSize());
        int[] answer = p.answer();
        for (int shown = 0; shown < g.cells(); shown++) {
            BufferedImage tile = imgs.size() == 1
                    ? imgs.get(0).getSubimage(g.col(shown) * s.tileWidth(), g.row(shown) * s.tileHeight(),
                    s.tileWidth(), s.tileHeight())
                    : imgs.get(shown);
            int pos = answer[shown] - 1;
            JigsawRenderer.blit(tile, out, g.col(pos) * s.tileWidth(), g.row(pos) * s.tileHeight());
        }
        return out;
    }

    @Test
    void anyPermutationsAnswerRoundTripsThroughRenderAndParse() {
        for (Grid g : GRIDS) {
            for (int seed = 0; seed < 500; seed++) {
                Permutation perm = Permutation.random(g.cells(), new java.util.SplittableRandom(seed), seed % 7 == 0);
                for (PromptTemplate t : PromptTemplate.values()) {
                    String completion = t.completion("Step 1: Compare.", perm.answer(), g);
                    ParseResult r = AnswerParser.parse(completion, g, t);
                    assertTrue(r.ok(), completion + " -> " + r);
                    assertTrue(r.structureOk(), completion);
                    assertEquals(perm, Permutation.fromAnswer(r.answer()));
                }
            }
        }
    }

    @Test
    void sameSeedGivesByteIdenticalPuzzles() throws Exception {
        ObjectMapper json = new ObjectMapper();
        PuzzleSpec spec = PuzzleSpec.procedural(new Grid(3, 3));
        List<Puzzle> a = new PuzzleGenerator(spec).generate(42, 20);
        List<Puzzle> b = new PuzzleGenerator(spec).generate(42, 20);
        for (int i = 0; i < a.size(); i++) {
            assertEquals("p-42-" + i, a.get(i).id());
            assertEquals(json.writeValueAsString(PuzzleRecord.of(a.get(i), List.of(), null)),
                    json.writeValueAsString(PuzzleRecord.of(b.get(i), List.of(), null)));
            assertTrue(Images.samePixels(JigsawRenderer.composite(a.get(i)), JigsawRenderer.composite(b.get(i))));
        }
        // A single puzzle regenerates by id, independent of the set size.
        Puzzle p7 = new PuzzleGenerator(spec).puzzle("p-42-7");
        assertTrue(Images.samePixels(a.get(7).source(), p7.source()));
        assertEquals(a.get(7).permutation(), p7.permutation());
        // Another seed gives other puzzles.
        assertNotEquals(a.get(0).imageId(), new PuzzleGenerator(spec).puzzle(43, 0).imageId());
    }

    @Test
    void proceduralTrainAndTestNeverShareAnImage() {
        PuzzleSpec spec = PuzzleSpec.procedural(new Grid(2, 2)).withImageSize(8);
        Set<String> train = new HashSet<>();
        for (Puzzle p : new PuzzleGenerator(spec).generate(1, 2000)) {
            train.add(p.imageId());
        }
        for (Puzzle p : new PuzzleGenerator(spec.withSplit(Split.TEST)).generate(1, 2000)) {
            assertFalse(train.contains(p.imageId()), p.imageId());
        }
    }

    @Test
    void recordSerialisesAndRegenerates() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Puzzle p = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 3)).withSplit(Split.TEST)).puzzle(5, 3);
        String line = json.writeValueAsString(PuzzleRecord.of(p, List.of("images/p-5-3.png"), null));
        assertTrue(line.startsWith("{\"id\":\"p-5-3\",\"seed\":5,\"index\":3,\"grid\":\"2x3\""), line);
        assertTrue(line.contains("\"split\":\"test\""), line);
        PuzzleRecord back = json.readValue(line, PuzzleRecord.class);
        Puzzle again = back.regenerate();
        assertTrue(Images.samePixels(p.source(), again.source()));
        assertArrayEquals(p.answer(), again.answer());
        assertEquals(AnswerFormat.write(p.answer(), p.grid()), back.answerText());
    }

    @Test
    void gridLinesMarkOnlyTheTileBorders() {
        Puzzle p = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 3)).withGridLines(true)).puzzle(2, 2);
        BufferedImage lined = JigsawRenderer.composite(p);
        BufferedImage plain = JigsawRenderer.composite(p, false);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 48; x++) {
                boolean border = x == 16 || x == 32 || y == 24;
                if (border) {
                    assertEquals(JigsawRenderer.LINE, lined.getRGB(x, y) & 0xFFFFFF, x + "," + y);
                } else {
                    assertEquals(plain.getRGB(x, y), lined.getRGB(x, y), x + "," + y);
                }
            }
        }
    }
}
