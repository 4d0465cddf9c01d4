package org.tessera.engine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Letter and yes/no extraction from free text, as VLMEvalKit's rules read them (cases worked by hand). */
class AnswerExtractionTest {
    private static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("A", "a red circle");
        OPTIONS.put("B", "a blue square");
        OPTIONS.put("C", "green");
        OPTIONS.put("D", "two");
    }

    @Test
    void letterFromFreeText() {
        assertEquals("B", AnswerExtraction.letter("The answer is (B).", OPTIONS));
        assertEquals("B", AnswerExtraction.letter("B", OPTIONS));
        assertEquals("C", AnswerExtraction.letter("C. green", OPTIONS));
        assertEquals("D", AnswerExtraction.letter("Answer: [D]", OPTIONS));
        assertEquals("A", AnswerExtraction.letter("**A**", OPTIONS));
    }

    @Test
    void twoLettersAreNoAnswerAndLowercaseIsNotALetter() {
        assertNull(AnswerExtraction.letter("A or B", OPTIONS));
        // "b" is not the letter B; no option text appears either
        assertNull(AnswerExtraction.letter("b", OPTIONS));
        assertNull(AnswerExtraction.letter("", OPTIONS));
        assertNull(AnswerExtraction.letter(null, OPTIONS));
    }

    @Test
    void optionTextWhenNoLetterStandsAlone() {
        assertEquals("C", AnswerExtraction.letter("It looks green to me", OPTIONS));
        assertEquals("B", AnswerExtraction.letter("I see a blue square.", OPTIONS));
        // two options' texts in the answer: unreadable
        assertNull(AnswerExtraction.letter("green or two", OPTIONS));
    }

    @Test
    void anArticleACountsAsTheLetterAsInVlmEvalKit() {
        // VLMEvalKit's can_infer_option reads the article as option A; it only warns in verbose mode
        assertEquals("A", AnswerExtraction.letter("A blue square", OPTIONS));
    }

    @Test
    void yesNoVariants() {
        assertEquals("yes", AnswerExtraction.yesNo("Yes"));
        assertEquals("yes", AnswerExtraction.yesNo("yes."));
        assertEquals("yes", AnswerExtraction.yesNo("YES"));
        assertEquals("yes", AnswerExtraction.yesNo("Yes, there is a cat in the image."));
        assertEquals("no", AnswerExtraction.yesNo("No, there isn't."));
        assertEquals("no", AnswerExtraction.yesNo("no"));
        assertEquals("no", AnswerExtraction.yesNo("The answer is no!"));
        assertNull(AnswerExtraction.yesNo("Yes and no."));
        assertNull(AnswerExtraction.yesNo("maybe"));
        assertNull(AnswerExtraction.yesNo("yesterday"));
        assertNull(AnswerExtraction.yesNo("nope"));
    }

    @Test
    void answerTagsComeFirst() {
        assertEquals("yes", AnswerExtraction.answerText("<think>red shapes : 2 .</think><answer> yes </answer>"));
        assertEquals("The answer is B.", AnswerExtraction.answerText(" The answer is B. "));
        assertNull(AnswerExtraction.taggedAnswer("no tags"));
    }
}
