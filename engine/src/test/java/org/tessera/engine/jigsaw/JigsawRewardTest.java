package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Each preset against hand-computed cases. Truths: 2x2 = [3 1 4 2]; 3x3 = [2 3 1 5 6 4 8 9 7]. */
class JigsawRewardTest {
    static final Grid G22 = new Grid(2, 2);
    static final Grid G33 = new Grid(3, 3);
    static final int[] T22 = {3, 1, 4, 2};
    static final int[] T33 = {2, 3, 1, 5, 6, 4, 8, 9, 7};
    static final double EPS = 1e-12;

    private static RewardBreakdown score(JigsawReward r, String completion, Grid g, int[] truth) {
        return r.score(AnswerParser.parse(completion, g, PromptTemplate.THINK), truth);
    }

    private static String t(String answer) {
        return "<think>x</think><answer>" + answer + "</answer>";
    }

    record Case(String completion, Grid grid, int[] truth, double expected) {
    }

    private static void check(JigsawReward reward, Case... cases) {
        for (Case c : cases) {
            RewardBreakdown b = score(reward, c.completion, c.grid, c.truth);
            assertEquals(c.expected, b.total(), EPS, reward.name() + " on " + c.completion.replace("\n", "\\n"));
            double sum = b.terms().stream().mapToDouble(RewardBreakdown.Term::contribution).sum();
            assertEquals(b.total(), sum, EPS, "total is the sum of its terms");
            assertEquals(reward.name(), b.reward());
        }
    }

    @Test
    void paper() {
        check(Rewards.paper(),
                new Case(t("3 1\n4 2"), G22, T22, 3.0),                 // exact: hit 1 + acc 1 + format 1
                new Case(t("3 1 2 4"), G22, T22, 1.5),                  // half right: 0.5 + 0 + 1
                new Case(t("1 3 2 4"), G22, T22, 1.0),                  // none right, format ok
                new Case(t("3 3 4 2"), G22, T22, 1.0),                  // repeated: hit 0 (paper notes), format 1
                new Case(t("3 1 4"), G22, T22, 1.0),                    // wrong length: hit 0
                new Case(t("3 one 4 2"), G22, T22, 1.0),                // not a number: hit 0
                new Case("<answer>3 1 4 2</answer>", G22, T22, 2.0),    // no think block: format 0
                new Case("3 1 4 2", G22, T22, 0.0),                     // no answer tag
                new Case(t("2 3 1 5 6 4 8 7 9"), G33, T33, 7.0 / 9 + 1)); // 7 of 9
        RewardBreakdown b = score(Rewards.paper(), t("3 1 2 4"), G22, T22);
        assertEquals(0.5, b.value("hit"), EPS);
        assertEquals(0.0, b.value("accuracy"), EPS);
        assertEquals(1.0, b.value("format"), EPS);
    }

    @Test
    void jigsawR1() {
        check(Rewards.jigsawR1(),
                new Case(t("3 1\n4 2"), G22, T22, 1.5),                 // 1 + 0.5
                new Case(t("3 1 2 4"), G22, T22, 1.0),                  // 0.5 + 0.5
                new Case(t("3 3 4 2"), G22, T22, 0.75 + 0.5),           // repeats still count positionally (public code)
                new Case(t("3 1 4"), G22, T22, 0.0),                    // wrong length: fraction 0, format 0
                new Case(t("3 1 5 2"), G22, T22, 0.0),                  // out of range: list rejected
                new Case(t("3 x 4 2"), G22, T22, 0.0),
                new Case("<answer>3 1 4 2</answer>", G22, T22, 1.0),    // right but no think: format 0
                new Case("nothing", G22, T22, 0.0),
                new Case(t("2 3 1 5 6 4 8 7 9"), G33, T33, 7.0 / 9 + 0.5));
    }

    @Test
    void graded() {
        check(Rewards.graded(),
                new Case(t("3 1\n4 2"), G22, T22, 2.5),                 // hit 1 + acc 1 + list 0.5
                new Case(t("3 1 2 4"), G22, T22, 1.0),                  // valid, half right: 0.5 + 0.5
                new Case(t("1 3 2 4"), G22, T22, 0.5),                  // valid, none right: the list step only
                new Case(t("3 3 4 2"), G22, T22, 0.25),                 // repeat: no hit, list 0.5 - 0.25
                new Case(t("3 1 5 2"), G22, T22, 0.0),                  // out of range
                new Case(t("3 1 4"), G22, T22, 0.0),                    // wrong length
                new Case("<answer>3 1 4 2</answer>", G22, T22, 2.0),    // right but no think: no list step
                new Case(t("2 3 1 5 6 4 8 7 9"), G33, T33, 7.0 / 9 + 0.5));
        // No non-permutation beats a fixed valid guess: a repeat earns less than any permutation.
        assertTrue(score(Rewards.graded(), t("3 3 4 2"), G22, T22).total()
                < score(Rewards.graded(), t("1 3 2 4"), G22, T22).total());
        assertEquals("graded", Rewards.parse("graded").name());
    }

    @Test
    void visualJigsaw() {
        check(Rewards.visualJigsaw(),
                new Case(t("3 1 4 2"), G22, T22, 1.2),                  // 0.2 format + 1 exact
                new Case(t("3 1 2 4"), G22, T22, 0.2),                  // 4 pieces: no partial credit
                new Case(t("3 3 4 2"), G22, T22, 0.2 - 0.5),            // repetition penalty
                new Case(t("2 3 1 5 6 4 8 7 9"), G33, T33, 0.2 + 0.2 * 7 / 9), // valid permutation, 9 pieces
                new Case(t("2 3 1 5 6 4 8 7 7"), G33, T33, 0.2 - 0.5),  // repeated: no partial, penalty
                new Case(t("2 3 1 5 6 4 8 7"), G33, T33, 0.2),          // wrong length: no partial
                new Case("<answer>2 3 1 5 6 4 8 9 7</answer>", G33, T33, 1.0), // exact, no think block
                new Case("<answer>2 3 1 5 6 4 8 9 7", G33, T33, 0.0),   // unclosed answer
                new Case(t("2 2 2"), G33, T33, 0.2 - 0.5));             // wrong length and repeated
    }

    @Test
    void customWeightsAndParsing() {
        JigsawReward r = Rewards.parse("custom:hit=2,accuracy=0.5,format=0.1,repetition=-1");
        assertEquals("custom", r.name());
        check(r, new Case(t("3 1 2 4"), G22, T22, 2 * 0.5 + 0.1),
                new Case(t("3 1 4 2"), G22, T22, 2 + 0.5 + 0.1),
                new Case(t("3 3 4 2"), G22, T22, 0.1 - 1));
        assertEquals("paper", Rewards.parse("paper").name());
        assertEquals("jigsaw-r1", Rewards.parse(" Jigsaw-R1 ").name());
        assertEquals("visual-jigsaw", Rewards.parse("visual-jigsaw").name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rewards.parse("custom:speed=1"));
        assertTrue(e.getMessage().contains("speed"));
        assertThrows(IllegalArgumentException.class, () -> Rewards.parse("greedy"));
        assertThrows(IllegalArgumentException.class, () -> Rewards.parse("custom:hit=abc"));
    }

    @Test
    void scoresFromAPuzzleDirectly() {
        Puzzle p = new PuzzleGenerator(PuzzleSpec.procedural(G22)).puzzle(3, 0);
        String right = PromptTemplate.ANSWER.completion(null, p.answer(), p.grid());
        assertEquals(3.0, Rewards.paper().score(right, p, PromptTemplate.ANSWER).total(), EPS);
    }
}
