package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;

import static org.junit.jupiter.api.Assertions.*;

class JigsawTextTest {

    @Test
    void vocabularyCoversEveryPromptAnswerAndTraceWord() {
        SortedSet<String> vocab = JigsawText.vocabularyWords();
        assertEquals(new ArrayList<>(vocab), vocab.stream().sorted().toList());
        List<Grid> grids = List.of(new Grid(1, 2), new Grid(2, 2), new Grid(3, 3), new Grid(2, 4), new Grid(4, 4));
        for (Grid g : grids) {
            for (PromptTemplate t : PromptTemplate.values()) {
                for (Presentation p : Presentation.values()) {
                    assertTrue(vocab.containsAll(JigsawText.wordsOf(t.text(g, p, PromptWording.WORLD))), t.text(g, p, PromptWording.WORLD));
                }
            }
            PuzzleSpec spec = PuzzleSpec.procedural(g);
            for (int i = 0; i < 3; i++) {
                Puzzle puzzle = new PuzzleGenerator(spec).puzzle(4, i);
                // The trace's words do not depend on which arrangement is found: use the true one (cheap at 4x4).
                int[] occupant = new int[g.cells()];
                for (int pos = 0; pos < g.cells(); pos++) {
                    occupant[pos] = puzzle.permutation().shownOf(pos);
                }
                String completion = g.cells() <= 6 ? Teacher.solve(puzzle).completion()
                        : PromptTemplate.THINK.completion(Teacher.trace(g, occupant), puzzle.answer(), g);
                assertTrue(vocab.containsAll(JigsawText.wordsOf(completion)), completion);
                assertTrue(JigsawText.wordsOf(AnswerFormat.write(puzzle.answer(), g)).isEmpty());
            }
        }
        assertTrue(vocab.contains("x"), "the x of 3x3 is a word to the tokenizer");
        assertTrue(vocab.contains("Step") && vocab.contains("Edge") && vocab.contains("jigsaw"));
    }

    @Test
    void promptsAreShort() {
        for (PromptTemplate t : PromptTemplate.values()) {
            for (Presentation p : Presentation.values()) {
                String text = t.text(new Grid(3, 3), p, PromptWording.WORLD);
                // punctuation is written as separate words (the world's style); it is not counted
                int words = (int) java.util.Arrays.stream(text.split("\\s+")).filter(w -> !w.matches("[.,]")).count();
                assertTrue(words <= 30, words + " words: " + text);
            }
        }
    }
}
