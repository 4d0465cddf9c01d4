package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldGroundingTest {

    /**
     * The reasoning finds the answer: for a colour and kind, the colour's cells then one kind check each; for a
     * kind alone, a check of every shape; for a colour alone, its one cell. The answer is the cell checked "yes"
     * (or listed), so a model that follows its own reasoning cannot answer another cell.
     */
    @Test
    void reasoningChecksCellsAndTheAnswerIsTheOneThatMatches() {
        int full = 0;
        int kindOnly = 0;
        int colourOnly = 0;
        for (WorldExample e : WorldTestData.examples(new GroundingFamily(), Split.TRAIN, 4, 500)) {
            KnowledgeItem item = e.item();
            String phrase = item.question().replace("where is the ", "").replace(" ?", "");
            String target = item.target();
            String thought = WorldTestData.thought(e.item());
            List<String> yes = WorldTestData.yesCells(thought);
            String[] words = phrase.split(" ");
            if (words.length == 2 && !words[1].equals("shape")) {
                full++;
                long ofColour = e.scene().objects().stream().filter(o -> o.colour().word().equals(words[0])).count();
                assertTrue(thought.startsWith(words[0] + " shapes : "), thought);
                assertEquals(ofColour, thought.split(" " + words[1] + " (yes|no) \\.", -1).length - 1, thought);
                assertEquals(List.of(item.answer()), yes, target);
            } else if (words.length == 1) {
                kindOnly++;
                assertEquals(e.scene().objects().size(), thought.split(" (yes|no) \\.", -1).length - 1, thought);
                assertEquals(List.of(item.answer()), yes, target);
            } else {
                colourOnly++;
                assertEquals(words[0] + " shapes : " + item.answer() + " .", thought);
            }
            SceneObject named = e.scene().objectAt(Integer.parseInt(item.answer())).orElseThrow();
            assertTrue(named.name().equals(phrase) || named.kind().word().equals(phrase)
                    || phrase.equals(named.colour().word() + " shape"), phrase + " -> " + named.name());
        }
        assertTrue(full > 100 && kindOnly > 30 && colourOnly > 30, full + " " + kindOnly + " " + colourOnly);
    }
}
