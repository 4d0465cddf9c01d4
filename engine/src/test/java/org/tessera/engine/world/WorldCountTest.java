package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldCountTest {

    /**
     * A count or list by kind or size checks every occupied cell, in order, and answers the number of "yes" checks
     * (a count) or their cells (a list); by colour or of all shapes it is answered directly.
     */
    @Test
    void kindAndSizeCountsAndListsCheckEveryShapeAndAnswerTheYeses() {
        int checked = 0;
        int direct = 0;
        for (WorldExample e : WorldTestData.examples(new VqaFamily(), Split.TRAIN, 8, 600)) {
            KnowledgeItem item = e.item();
            boolean count = item.kind() == AnswerKind.NUMBER;
            if (!count && item.kind() != AnswerKind.CELL_LIST || item.question().startsWith("the cells are")) {
                continue;
            }
            String target = item.target();
            boolean byKindOrSize = item.question().matches(
                    "(how many (squares|circles|triangles|crosses|big shapes|small shapes) are there"
                            + "|which cells hold a (square|circle|triangle|cross|big shape|small shape)) \\?");
            assertEquals(byKindOrSize, item.reasons(), item.question() + " -> " + target);
            if (!byKindOrSize) {
                direct++;
                continue;
            }
            checked++;
            String thought = WorldTestData.thought(e.item());
            assertEquals(e.scene().objects().size(), thought.split(" (yes|no) \\.", -1).length - 1, thought);
            List<String> yes = WorldTestData.yesCells(thought);
            assertEquals(count ? Integer.toString(yes.size()) : String.join(" ", yes), item.answer(), target);
            String previous = "0";
            for (String step : thought.split(" \\. ?")) {
                String[] w = step.strip().split(" "); // cell, what it holds, what was asked, same or not
                SceneObject o = e.scene().objectAt(Integer.parseInt(w[0])).orElseThrow();
                assertTrue(w[1].equals(o.kind().word()) || w[1].equals(o.size().word()), step);
                assertEquals(w[1].equals(w[2]) ? "yes" : "no", w[3], step);
                assertTrue(Integer.parseInt(w[0]) > Integer.parseInt(previous), thought);
                previous = w[0];
            }
        }
        assertTrue(checked > 20 && direct > 20, checked + " checked, " + direct + " direct");
    }
}
