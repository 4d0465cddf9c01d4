package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class JigsawGridPermutationTest {

    @Test
    void gridParsesAndRejectsWithClearMessages() {
        assertEquals(new Grid(3, 3), Grid.parse("3x3"));
        assertEquals(new Grid(2, 4), Grid.parse(" 2 X 4 "));
        assertEquals("1x2", new Grid(1, 2).toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grid.parse("3by3"));
        assertTrue(e.getMessage().contains("3by3"));
        assertThrows(IllegalArgumentException.class, () -> new Grid(1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 2));
        assertThrows(IllegalArgumentException.class, () -> new Grid(7, 2));
        assertEquals(4, new Grid(2, 3).position(1, 1));
        assertEquals(1, new Grid(2, 3).row(4));
        assertEquals(1, new Grid(2, 3).col(4));
    }

    @Test
    void specRejectsSizesThatDoNotDivide() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PuzzleSpec.procedural(new Grid(5, 5)));
        assertTrue(e.getMessage().contains("imageSize 48"), e.getMessage());
        assertEquals(12, PuzzleSpec.procedural(new Grid(4, 4)).tileWidth());
    }

    @Test
    void randomPermutationsAreNeverTheIdentityUnlessAllowed() {
        int identities = 0;
        for (int seed = 0; seed < 5000; seed++) {
            Permutation p = Permutation.random(2, new SplittableRandom(seed), false);
            assertFalse(p.isIdentity());
            Permutation q = Permutation.random(2, new SplittableRandom(seed), true);
            identities += q.isIdentity() ? 1 : 0;
        }
        assertTrue(identities > 2000 && identities < 3000, "identity should be drawn about half the time: " + identities);
    }

    @Test
    void answerIsOneBasedShownToTrueAndRoundTrips() {
        Permutation p = Permutation.of(2, 0, 3, 1);
        assertArrayEquals(new int[]{3, 1, 4, 2}, p.answer());
        assertEquals(p, Permutation.fromAnswer(3, 1, 4, 2));
        assertEquals(1, p.shownOf(0));
        assertThrows(IllegalArgumentException.class, () -> Permutation.fromAnswer(1, 1, 2, 3));
        assertThrows(IllegalArgumentException.class, () -> Permutation.of(0, 4));
    }
}
