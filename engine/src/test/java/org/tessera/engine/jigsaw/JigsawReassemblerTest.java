package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;
import static org.tessera.engine.jigsaw.Reassembler.TileStatus.*;

class JigsawReassemblerTest {
    final Puzzle p = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 2))).puzzle(8, 0);

    @Test
    void marksEachTileForAnyPrediction() {
        int[] t = p.answer();
        Reassembler.Reassembly swapped = Reassembler.reassemble(p, new int[]{t[1], t[0], t[2], t[3]});
        assertArrayEquals(new Reassembler.TileStatus[]{WRONG, WRONG, CORRECT, CORRECT}, swapped.status());
        assertEquals(2, swapped.correctCount());

        Reassembler.Reassembly repeated = Reassembler.reassemble(p, new int[]{t[0], t[0], t[2], t[3]});
        assertEquals(CORRECT, repeated.status()[0]);
        assertEquals(UNPLACED, repeated.status()[1], "its position was already taken");
        assertEquals(-1, repeated.occupant()[t[1] - 1], "the position of the lost tile stays empty");

        Reassembler.Reassembly shortAndBad = Reassembler.reassemble(p, new int[]{9, t[1]});
        assertArrayEquals(new Reassembler.TileStatus[]{UNPLACED, CORRECT, UNPLACED, UNPLACED}, shortAndBad.status());
        assertEquals(0, Reassembler.reassemble(p, (int[]) null).correctCount());

        ParseResult parsed = AnswerParser.parse("<answer>" + t[0] + " x " + t[2] + "</answer>", p.grid(),
                PromptTemplate.ANSWER);
        assertArrayEquals(new Reassembler.TileStatus[]{CORRECT, UNPLACED, CORRECT, UNPLACED},
                Reassembler.reassemble(p, parsed).status());
    }

    @Test
    void overlayFramesCorrectGreenAndWrongRed() {
        int[] t = p.answer();
        BufferedImage img = Reassembler.reassemble(p, new int[]{t[1], t[0], t[2], t[3]}).overlay(5);
        assertEquals(48 * 5, img.getWidth());
        int tile = 24 * 5;
        // Top-left pixel of each position is its frame: red for the two swapped tiles' positions, green otherwise.
        for (int s = 0; s < 4; s++) {
            int pos = (s < 2 ? t[1 - s] : t[s]) - 1;
            int x = (pos % 2) * tile + tile / 2, y = (pos / 2) * tile;
            assertEquals(s < 2 ? Reassembler.WRONG : Reassembler.OK, img.getRGB(x, y) & 0xFFFFFF, "shown tile " + s);
        }
        BufferedImage empty = Reassembler.reassemble(p, new int[0]).overlay(2);
        assertEquals(Reassembler.EMPTY, empty.getRGB(20, 2) & 0xFFFFFF);
    }
}
