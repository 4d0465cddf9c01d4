package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class JigsawParserTest {
    static final Grid G22 = new Grid(2, 2);
    static final Grid G33 = new Grid(3, 3);

    private static ParseResult think(String s, Grid g) {
        return AnswerParser.parse(s, g, PromptTemplate.THINK);
    }

    @Test
    void toleratesSpacesCommasBracketsAndNewlines() {
        int[] want = {3, 1, 4, 2};
        for (String a : new String[]{"3 1\n4 2", "3,1,4,2", "[3, 1], [4, 2]", "[[3,1],[4,2]]", " 3 1 / 4 2 ",
                "(3 1)\n(4 2)", "3;1;4;2", "`3 1 4 2`", "{3 1} {4 2}", "03 1 4 2", "3\t1\r\n4   2", "3|1|4|2"}) {
            ParseResult r = think("<think>x</think><answer>" + a + "</answer>", G22);
            assertTrue(r.ok(), a + " -> " + r);
            assertArrayEquals(want, r.answer(), a);
            assertTrue(r.structureOk(), a);
        }
    }

    @Test
    void classifiesEachFailure() {
        assertEquals(ParseFailure.NO_ANSWER_TAG, think("3 1 4 2", G22).failure());
        assertEquals(ParseFailure.NO_ANSWER_TAG, think("<think>a</think><answer>3 1 4 2", G22).failure());
        assertEquals(ParseFailure.NO_ANSWER_TAG, think("", G22).failure());
        assertEquals(ParseFailure.NO_ANSWER_TAG, think(null, G22).failure());
        assertEquals(ParseFailure.NOT_A_NUMBER, think("<answer>3 one 4 2</answer>", G22).failure());
        assertEquals(ParseFailure.NOT_A_NUMBER, think("<answer>3 1.0 4 2</answer>", G22).failure());
        assertEquals(ParseFailure.NOT_A_NUMBER, think("<answer>3 -1 4 2</answer>", G22).failure());
        assertEquals(ParseFailure.NOT_A_NUMBER, think("<answer>3 ١ 4 2</answer>", G22).failure()); // Arabic-Indic 1
        assertEquals(ParseFailure.OUT_OF_RANGE, think("<answer>3 1 5 2</answer>", G22).failure());
        assertEquals(ParseFailure.OUT_OF_RANGE, think("<answer>3 0 4 2</answer>", G22).failure());
        assertEquals(ParseFailure.OUT_OF_RANGE, think("<answer>99999999999999999999 1 4 2</answer>", G22).failure());
        assertEquals(ParseFailure.WRONG_COUNT, think("<answer>3 1 4</answer>", G22).failure());
        assertEquals(ParseFailure.WRONG_COUNT, think("<answer>3 1 4 2 1</answer>", G22).failure());
        assertEquals(ParseFailure.WRONG_COUNT, think("<answer></answer>", G22).failure());
        assertEquals(ParseFailure.REPEATED_INDEX, think("<answer>3 3 4 2</answer>", G22).failure());
        ParseResult r = think("<answer>3 3 4 2</answer>", G22);
        assertTrue(r.repeated());
        assertArrayEquals(new int[]{3, 3, 4, 2}, r.numbers());
        assertFalse(r.detail().isEmpty());
        assertThrows(IllegalStateException.class, r::answer);
    }

    @Test
    void structureFollowsTheTemplate() {
        String good = "<think>i think</think>\n<answer>1 2\n4 3</answer>\n";
        assertTrue(think(good, G22).structureOk());
        assertFalse(AnswerParser.parse(good, G22, PromptTemplate.ANSWER).structureOk());
        assertTrue(AnswerParser.parse(" <answer>1 2 4 3</answer>", G22, PromptTemplate.ANSWER).structureOk());
        assertFalse(think("<answer>1 2 4 3</answer>", G22).structureOk(), "THINK needs a think block");
        assertFalse(think("hello <think>a</think><answer>1 2 4 3</answer>", G22).structureOk());
        assertFalse(think("<think>a</think><answer>1 2 4 3</answer> bye", G22).structureOk());
        assertFalse(think("<think>a<answer>9</answer></think><answer>1 2 4 3</answer>", G22).structureOk());
        assertFalse(think("<think>a</think><answer>1 2</answer><answer>4 3</answer>", G22).structureOk());
        // The answer is still read from the first answer tags, whatever the structure.
        assertTrue(think("blah <answer>1 2 4 3</answer> blah", G22).ok());
    }

    @Test
    void fuzzNeverThrowsAndClassifiesEverything() {
        SplittableRandom rng = new SplittableRandom(2024);
        String[] pieces = {"<think>", "</think>", "<answer>", "</answer>", "<answer", "answer>", "1", "2", "3", "9",
                "10", "0", " ", "\n", ",", "[", "]", "(", ")", "/", "x", "tile", "-", ".", "\u0000", "\uD83D\uDE00",
                "\uD800", "99999999999999999999999", "<", ">", "step", "\t", "١", "٣"};
        String[] seeds = {"<think>a</think><answer>3 1 4 2</answer>", "<answer>1 2 3\n4 5 6\n7 8 9</answer>",
                "<think>Step 1: Compare.</think><answer>[2, 1]</answer>"};
        Map<ParseFailure, Integer> counts = new EnumMap<>(ParseFailure.class);
        Grid[] grids = {G22, G33, new Grid(1, 2), new Grid(4, 4)};
        int total = 0;
        for (int i = 0; i < 120_000; i++) {
            String s;
            if (i % 2 == 0) {
                StringBuilder sb = new StringBuilder();
                int len = rng.nextInt(16);
                for (int k = 0; k < len; k++) {
                    sb.append(rng.nextInt(4) == 0 ? (char) rng.nextInt(0x3000) : pieces[rng.nextInt(pieces.length)]);
                }
                s = sb.toString();
            } else {
                StringBuilder sb = new StringBuilder(seeds[rng.nextInt(seeds.length)]);
                int edits = 1 + rng.nextInt(4);
                for (int k = 0; k < edits && sb.length() > 0; k++) {
                    int at = rng.nextInt(sb.length());
                    switch (rng.nextInt(3)) {
                        case 0 -> sb.deleteCharAt(at);
                        case 1 -> sb.insert(at, pieces[rng.nextInt(pieces.length)]);
                        default -> sb.setCharAt(at, (char) rng.nextInt(128));
                    }
                }
                s = sb.toString();
            }
            Grid g = grids[rng.nextInt(grids.length)];
            for (PromptTemplate t : PromptTemplate.values()) {
                ParseResult r = assertDoesNotThrow(() -> AnswerParser.parse(s, g, t), s);
                assertNotNull(r.failure());
                assertNotNull(r.numbers());
                assertEquals(r.ok(), r.failure() == ParseFailure.NONE);
                if (r.ok()) {
                    assertEquals(g.cells(), r.answer().length);
                    Permutation.fromAnswer(r.answer()); // a valid answer is a permutation
                } else {
                    assertFalse(r.detail().isEmpty(), s);
                }
                counts.merge(r.failure(), 1, Integer::sum);
                total++;
            }
        }
        assertTrue(total >= 200_000);
        for (ParseFailure f : ParseFailure.values()) {
            assertTrue(counts.getOrDefault(f, 0) > 0, "fuzz never produced " + f + ": " + counts);
        }
    }
}
