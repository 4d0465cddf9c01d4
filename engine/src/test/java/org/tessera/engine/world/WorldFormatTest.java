package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 8: the format score classifies hand-written answers correctly for every family and answer kind. */
class WorldFormatTest {

    private static KnowledgeItem find(String family, Predicate<KnowledgeItem> which) {
        FamilySampler s = new FamilySampler(Families.byName(family), Split.HELD_OUT, 99);
        for (int i = 0; i < 2000; i++) {
            KnowledgeItem item = s.next().item();
            if (which.test(item)) {
                return item;
            }
        }
        throw new AssertionError("no such " + family + " item");
    }

    private static void check(KnowledgeItem item, String text, boolean expected) {
        assertEquals(expected, Completions.wellFormed(item, text, true), item.question() + " -> " + text);
    }

    @Test
    void grounding() {
        KnowledgeItem g = find("grounding", i -> true);
        assertTrue(g.reasons());
        check(g, "<think>red shapes : 4 . 4 circle circle yes .</think><answer>4</answer>", true);
        check(g, " <think> i look . </think> <answer> 9 </answer> ", true);
        check(g, "<answer>4</answer>", false);
        check(g, "<think></think><answer>4</answer>", false);
        check(g, "<think>i look .</think><answer>4 5</answer>", false);
        check(g, "<think>i look .</think><answer>0</answer>", false);
        check(g, "<think>i look .</think><answer>red</answer>", false);
        check(g, "<think>i look .</think><answer>4</answer> 1 2", false);
        check(g, "<think>i look .</think><answer>4</answer><answer>4</answer>", false);
        assertFalse(Completions.wellFormed(g, g.target(), false), "a generation that did not stop");
    }

    @Test
    void reading() {
        KnowledgeItem r = find("reading", i -> true);
        check(r, "<answer>7 k 3</answer>", true);
        check(r, "<answer>x</answer>", true);
        check(r, "<answer>7 k 3 5</answer>", false);
        check(r, "<answer>a</answer>", false);
        check(r, "<answer>73</answer>", false);
        check(r, "<think>i read 7 .</think><answer>7</answer>", false);
    }

    @Test
    void perception() {
        KnowledgeItem colour = find("perception", i -> i.kind() == AnswerKind.COLOUR);
        check(colour, "<answer>purple</answer>", true);
        check(colour, "<answer>circle</answer>", false);
        check(colour, "<answer>white</answer>", false);
        KnowledgeItem shape = find("perception", i -> i.kind() == AnswerKind.SHAPE);
        check(shape, "<answer>cross</answer>", true);
        check(shape, "<answer>red</answer>", false);
        KnowledgeItem size = find("perception", i -> i.kind() == AnswerKind.SIZE);
        check(size, "<answer>small</answer>", true);
        check(size, "<answer>large</answer>", false);
    }

    @Test
    void vqa() {
        KnowledgeItem count = find("vqa", i -> i.kind() == AnswerKind.NUMBER && !i.reasons());
        check(count, "<answer>0</answer>", true);
        check(count, "<answer>05</answer>", false);
        check(count, "<answer>yes</answer>", false);
        KnowledgeItem checked = find("vqa", i -> i.kind() == AnswerKind.NUMBER && i.reasons());
        check(checked, "<think>2 square circle no . 6 circle circle yes .</think><answer>1</answer>", true);
        check(checked, "<answer>1</answer>", false);
        KnowledgeItem list = find("vqa", i -> i.kind() == AnswerKind.CELL_LIST);
        check(list, "<answer>2 5 7</answer>", true);
        check(list, "<answer>2 2</answer>", false);
        check(list, "<answer>2, 5</answer>", false);
        KnowledgeItem rel = find("vqa", i -> i.kind() == AnswerKind.COLOUR);
        assertTrue(rel.reasons());
        check(rel, "<think>the red circle is in cell 5 . left of it is cell 4 .</think><answer>blue</answer>", true);
        check(rel, "<answer>blue</answer>", false);
        KnowledgeItem order = find("vqa", i -> i.kind() == AnswerKind.DIGIT_LIST);
        check(order, "<think>i read 7 3 .</think><answer>3 7</answer>", true);
        check(order, "<think>i read 7 3 .</think><answer>3</answer>", false);
        check(order, "<think>i read 7 3 .</think><answer>3 3</answer>", false);
    }

    @Test
    void hallucination() {
        KnowledgeItem h = find("hallucination", i -> true);
        assertTrue(h.reasons(), "hallucination answers through its evidence");
        check(h, "<think>red shapes : none .</think><answer>no</answer>", true);
        check(h, "<think>red shapes : 2 . 2 circle circle yes .</think><answer>yes</answer>", true);
        check(h, "<answer>yes</answer>", false);
        check(h, "<think>red shapes : 2 .</think><answer>maybe</answer>", false);
        check(h, "<think>red shapes : 2 .</think><answer>1 2 3 4</answer>", false);
        check(h, "yes", false);
        check(h, "<think>red shapes : 2 .</think><answer>yes", false);
    }

    @Test
    void text() {
        KnowledgeItem sum = find("text", i -> i.question().contains("+"));
        assertTrue(sum.reasons());
        check(sum, "<think>3 + 4 is 7 .</think><answer>12</answer>", true);
        check(sum, "<think>3 + 4 is 7 .</think><answer>1 2</answer>", false);
        check(sum, "<answer>12</answer>", false);
        KnowledgeItem fact = find("text", i -> i.kind() == AnswerKind.YES_NO);
        check(fact, "<answer>no</answer>", true);
        check(fact, "<answer>4</answer>", false);
    }

    @Test
    void parsingTakesTheFirstClosedAnswerAndIgnoresSpacing() {
        assertEquals("2 5", Completions.parseAnswer("<think>x</think><answer>  2   5 </answer><answer>3</answer>"));
        assertNull(Completions.parseAnswer("1 2 3 4"));
        assertNull(Completions.parseAnswer("<answer>4"));
    }
}
