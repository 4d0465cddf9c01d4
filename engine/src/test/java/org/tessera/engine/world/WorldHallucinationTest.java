package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldHallucinationTest {

    @Test
    void answersAreBalancedAndHalfTheNegativesAreHard() {
        int yes = 0;
        int no = 0;
        int hard = 0;
        for (WorldExample e : WorldTestData.examples(new HallucinationFamily(), Split.HELD_OUT, 31, 1000)) {
            if (e.item().answer().equals("yes")) {
                yes++;
                continue;
            }
            no++;
            String[] asked = e.item().question().replace("is there a ", "").replace(" ?", "").split(" ");
            boolean colourSeen = e.scene().objects().stream().anyMatch(o -> o.colour().word().equals(asked[0]));
            boolean kindSeen = e.scene().objects().stream().anyMatch(o -> o.kind().word().equals(asked[1]));
            if (colourSeen && kindSeen) {
                hard++;
            }
        }
        double yesShare = yes / 1000.0;
        assertTrue(yesShare >= 0.45 && yesShare <= 0.55, "yes share " + yesShare);
        double hardShare = hard / (double) no;
        assertTrue(hardShare >= 0.4 && hardShare <= 0.6, "hard share of negatives " + hardShare);
    }

    /** The evidence decides the answer: yes exactly when the asked kind is in one of the asked colour's cells. */
    @Test
    void evidenceChecksEveryCellOfTheAskedColourForTheAskedKind() {
        for (WorldExample e : WorldTestData.examples(new HallucinationFamily(), Split.TRAIN, 5, 300)) {
            String[] asked = e.item().question().replace("is there a ", "").replace(" ?", "").split(" ");
            String target = e.item().target();
            String thought = WorldTestData.thought(e.item());
            long cellsOfColour = e.scene().objects().stream().filter(o -> o.colour().word().equals(asked[0])).count();
            assertTrue(thought.startsWith(asked[0] + " shapes : "), thought);
            assertEquals(cellsOfColour, thought.split(" " + asked[1] + " (yes|no) \\.", -1).length - 1, thought);
            if (cellsOfColour == 0) {
                assertEquals(asked[0] + " shapes : none .", thought);
            }
            assertEquals(thought.contains(" yes ."), e.item().answer().equals("yes"), target);
        }
    }
}
