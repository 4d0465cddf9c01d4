package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed table of text-only facts (MMMU's role: knowledge with no picture). It is the same in both splits on
 * purpose: these are facts to keep, not to generalise to, and the suite measures whether they are kept.
 */
final class FactTable {
    /** One fact: question, answer, answer kind, and the candidate answers to rank. */
    record Fact(String question, String answer, AnswerKind kind, List<String> candidates) {
    }

    private static final String[][] COLOUR_FACTS = {
            {"grass", "green"}, {"the sky", "blue"}, {"the sun", "yellow"}, {"blood", "red"}, {"a plum", "purple"},
            {"a banana", "yellow"}, {"a leaf", "green"}, {"the sea", "blue"}, {"a tomato", "red"}, {"a grape", "purple"}};
    private static final String[][] NUMBER_FACTS = {
            {"how many sides does a triangle have ?", "3"}, {"how many sides does a square have ?", "4"},
            {"how many legs does a cat have ?", "4"}, {"how many legs does a bird have ?", "2"},
            {"how many days are in a week ?", "7"}, {"how many cells are in a row ?", "3"},
            {"how many cells are in the grid ?", "9"}, {"how many wheels does a bike have ?", "2"}};
    private static final String[][] SHAPE_FACTS = {
            {"a ball", "circle"}, {"a wheel", "circle"}, {"a coin", "circle"}, {"a tent", "triangle"}};

    /** Facts grouped by category, so that sampling a category first keeps the small ones from vanishing. */
    static final List<List<Fact>> CATEGORIES = build();

    private FactTable() {
    }

    private static List<List<Fact>> build() {
        List<Fact> looks = new ArrayList<>(); // colours and shapes of things
        for (String[] f : COLOUR_FACTS) {
            looks.add(new Fact("what colour is " + f[0] + " ?", f[1], AnswerKind.COLOUR, PerceptionFamily.COLOURS));
        }
        List<Fact> counts = new ArrayList<>();
        for (String[] f : NUMBER_FACTS) {
            counts.add(new Fact(f[0], f[1], AnswerKind.NUMBER, Candidates.numbers(1, 9)));
        }
        for (String[] f : SHAPE_FACTS) {
            looks.add(new Fact("what shape is " + f[0] + " ?", f[1], AnswerKind.SHAPE, PerceptionFamily.SHAPES));
        }
        List<Fact> successor = new ArrayList<>();
        for (int n = 0; n <= 8; n++) {
            successor.add(new Fact("what comes after " + n + " ?", Integer.toString(n + 1), AnswerKind.NUMBER,
                    Candidates.numbers(1, 9)));
        }
        for (int n = 1; n <= 9; n++) {
            successor.add(new Fact("what comes before " + n + " ?", Integer.toString(n - 1), AnswerKind.NUMBER,
                    Candidates.numbers(0, 8)));
        }
        List<Fact> compare = new ArrayList<>();
        for (int a = 0; a <= 9; a++) {
            for (int b = 0; b <= 9; b++) {
                if (a != b) {
                    compare.add(new Fact("is " + a + " bigger than " + b + " ?", a > b ? "yes" : "no",
                            AnswerKind.YES_NO, List.of("yes", "no")));
                }
            }
        }
        return List.of(looks, counts, successor, compare);
    }

    static List<Fact> all() {
        return CATEGORIES.stream().flatMap(List::stream).toList();
    }
}
