package org.tessera.engine.world;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Properties every family's items must have, checked on a few hundred items per family. */
class WorldFamiliesTest {
    private static final int N = 400;

    static Stream<KnowledgeFamily> families() {
        return Families.all().stream();
    }

    @ParameterizedTest
    @MethodSource("families")
    void sameSeedGivesSameItemsAndPictures(KnowledgeFamily f) {
        List<WorldExample> a = WorldTestData.examples(f, Split.TRAIN, 7, 60);
        List<WorldExample> b = WorldTestData.examples(f, Split.TRAIN, 7, 60);
        List<WorldExample> c = WorldTestData.examples(f, Split.TRAIN, 8, 60);
        int differing = 0;
        for (int i = 0; i < a.size(); i++) {
            KnowledgeItem x = a.get(i).item();
            KnowledgeItem y = b.get(i).item();
            assertEquals(x.id(), y.id());
            assertEquals(x.question(), y.question());
            assertEquals(x.target(), y.target());
            assertEquals(x.candidates(), y.candidates());
            assertArrayEquals(pixels(x.image()), pixels(y.image()));
            if (!x.question().equals(c.get(i).item().question()) || !x.target().equals(c.get(i).item().target())) {
                differing++;
            }
        }
        assertTrue(differing > 30, "another seed should give other items, only " + differing + " differ");
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyQuestionHasExactlyOneCorrectAnswerDerivedFromTheScene(KnowledgeFamily f) {
        for (WorldExample e : WorldTestData.examples(f, Split.HELD_OUT, 11, N)) {
            KnowledgeItem item = e.item();
            if (e.scene() == null) {
                assertNull(item.image());
                if (!SceneOracle.answers(null, item.question()).isEmpty()) {
                    assertEquals(Set.of(item.answer()), SceneOracle.answers(null, item.question()), item.question());
                }
                continue;
            }
            assertNotNull(item.image());
            assertArrayEquals(pixels(SceneRenderer.render(e.scene())), pixels(item.image()), "image is the scene");
            assertEquals(Set.of(item.answer()), SceneOracle.answers(e.scene(), item.question()),
                    item.question() + " on " + e.scene().contentKey());
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void candidatesAreDistinctShortOfTheRightKindAndHoldTheReferenceOnce(KnowledgeFamily f) {
        for (WorldExample e : WorldTestData.examples(f, Split.TRAIN, 13, N)) {
            KnowledgeItem item = e.item();
            List<String> cands = item.candidates();
            assertEquals(cands.size(), new HashSet<>(cands).size(), "distinct: " + cands);
            assertTrue(cands.size() >= 2 && cands.size() <= Candidates.SIZE, "2..3 candidates: " + cands);
            assertEquals(1, cands.stream().filter(item.answer()::equals).count());
            for (String c : cands) {
                assertTrue(item.kind().matches(c), c + " is a " + item.kind());
                String completion = item.completionFor(c);
                assertTrue(Completions.wellFormed(item, completion, true), completion);
                assertEquals(c, Completions.parseAnswer(completion));
            }
            assertEquals(item.target(), item.completionFor(item.answer()));
        }
    }

    @ParameterizedTest
    @MethodSource("families")
    void everyWordIsInTheVocabularyAndSequencesStayShort(KnowledgeFamily f) {
        Set<String> vocab = WorldText.vocabularyWords();
        int longest = 0;
        for (WorldExample e : WorldTestData.examples(f, Split.TRAIN, 17, N)) {
            KnowledgeItem item = e.item();
            Set<String> used = WorldText.words(item.question(), item.target());
            used.addAll(WorldText.words(item.candidates().toArray(new String[0])));
            for (String c : item.candidates()) {
                used.addAll(WorldText.words(item.completionFor(c)));
            }
            assertTrue(vocab.containsAll(used), "missing " + used.stream().filter(w -> !vocab.contains(w)).toList());
            longest = Math.max(longest, WorldTokens.count(item.question()) + WorldTokens.count(item.target()));
            assertTrue(item.target().endsWith("</answer>"));
        }
        // every pretraining batch is padded to its longest item: a family that grows past this slows all of them
        assertTrue(longest <= 40, "prompt + completion must stay within 40 text tokens, longest " + longest);
    }

    @ParameterizedTest
    @MethodSource("families")
    void reasoningIsTheSameForEveryCandidateAndDoesNotStateTheAnswerTag(KnowledgeFamily f) {
        for (WorldExample e : WorldTestData.examples(f, Split.TRAIN, 19, 100)) {
            KnowledgeItem item = e.item();
            String prefix = item.target().substring(0, item.target().lastIndexOf("<answer>"));
            for (String c : item.candidates()) {
                assertTrue(item.completionFor(c).startsWith(prefix));
            }
            assertEquals(item.reasons(), !prefix.isEmpty());
            if (item.reasons()) {
                String thought = prefix.substring("<think>".length(), prefix.length() - "</think>".length());
                assertEquals(thought.toLowerCase(), thought, "the model's voice is lowercase");
                assertTrue(thought.endsWith(" ."), thought);
            }
        }
    }

    @org.junit.jupiter.api.Test
    void vocabularyIsSmallAndSorted() {
        Set<String> vocab = WorldText.vocabularyWords();
        assertTrue(vocab.size() >= 50 && vocab.size() <= 200, "vocabulary size " + vocab.size());
        List<String> list = List.copyOf(vocab);
        List<String> sorted = list.stream().sorted().toList();
        assertEquals(sorted, list);
        assertTrue(vocab.stream().allMatch(w -> w.matches("[A-Za-z]+")));
    }

    @org.junit.jupiter.api.Test
    void factTableIsAFunction() {
        Set<String> questions = new HashSet<>();
        for (FactTable.Fact fact : FactTable.all()) {
            assertTrue(questions.add(fact.question()), "asked twice: " + fact.question());
            assertTrue(fact.candidates().contains(fact.answer()), fact.question());
            assertTrue(fact.kind().matches(fact.answer()), fact.question());
        }
    }

    @org.junit.jupiter.api.Test
    void everyFamilyUsesAllItsTemplates() {
        // question templates per family, once colour/shape/size words and digits are masked
        java.util.Map<String, Integer> expected = java.util.Map.of("grounding", 3, "reading", 2, "perception", 3,
                "vqa", 15, "hallucination", 1); // vqa: 3 count + 3 list (colour, kind, every shape) + 4 relation (one- and two-word relations) + 1 order + 1 rank + 3 positions (2, 3 or 4 colours)
        Set<String> enumWords = WorldText.enumWords();
        for (KnowledgeFamily f : Families.all()) {
            Set<String> templates = new HashSet<>();
            for (WorldExample e : WorldTestData.examples(f, Split.TRAIN, 23, 600)) {
                StringBuilder t = new StringBuilder();
                for (String w : e.item().question().split(" ")) {
                    boolean slot = enumWords.contains(w) && !w.equals("shape") || w.matches("[0-9]");
                    t.append(slot ? "_" : w).append(' ');
                }
                templates.add(t.toString());
            }
            if (expected.containsKey(f.name())) {
                assertEquals(expected.get(f.name()), templates.size(), f.name() + ": " + templates);
            } else {
                assertTrue(templates.size() >= 10, f.name() + ": " + templates);
            }
        }
    }

    static int[] pixels(BufferedImage img) {
        return img == null ? new int[0] : img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    static String hash(BufferedImage img) {
        return Integer.toHexString(Arrays.hashCode(pixels(img)));
    }
}
