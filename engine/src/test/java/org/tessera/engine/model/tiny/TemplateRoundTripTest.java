package org.tessera.engine.model.tiny;

import org.junit.jupiter.api.Test;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.JigsawText;
import org.tessera.engine.jigsaw.Presentation;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleGenerator;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.Teacher;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.PretrainStream;
import org.tessera.engine.world.WorldText;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every prompt template Tessera ships round-trips through the built-in tokenizer, words as single tokens. */
class TemplateRoundTripTest {
    final TinyTokenizer tok = TinyTokenizer.build(TinyVocabulary.words(List.of(WorldText.vocabularyWords(),
            JigsawText.vocabularyWords())));

    @Test
    void worldQuestionsTargetsAndCandidates() {
        List<String> texts = new ArrayList<>();
        PretrainStream s = new PretrainStream(3);
        for (int step = 0; step < 20; step++) {
            for (KnowledgeItem it : s.batch(step, 50)) {
                texts.add(it.question());
                texts.add(it.target());
                for (String c : it.candidates()) {
                    texts.add(it.completionFor(c));
                }
            }
        }
        check(texts);
    }

    @Test
    void jigsawPromptsAnswersAndTeacherTraces() {
        List<String> texts = new ArrayList<>();
        for (String g : List.of("1x2", "2x2", "2x3", "3x3", "4x4")) {
            Grid grid = Grid.parse(g);
            for (PromptTemplate t : PromptTemplate.values()) {
                for (Presentation p : Presentation.values()) {
                    texts.add(t.text(grid, p, org.tessera.engine.jigsaw.PromptWording.WORLD));
                }
            }
            for (Puzzle p : new PuzzleGenerator(PuzzleSpec.procedural(grid)).generate(5, 5)) {
                texts.add(PromptTemplate.ANSWER.completion(null, p.answer(), grid));
                if (grid.cells() <= 9) {
                    texts.add(Teacher.solve(p).completion());
                }
            }
        }
        check(texts);
    }

    private void check(List<String> texts) {
        for (String t : texts) {
            int[] ids = tok.encode(t);
            assertEquals(t, tok.decode(ids), "round trip");
            for (int id : ids) {
                assertTrue(!tok.tokenText(id).equals("<unk>"), "unknown character in: " + t);
            }
            // every word is one token: no template word falls back to spelling letter by letter
            for (String w : JigsawText.wordsOf(t)) {
                assertEquals(1, tok.encode(" " + w).length, "'" + w + "' of: " + t);
            }
        }
        assertTrue(texts.size() > 50);
    }
}
