package org.tessera.engine.world;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of value an answer must be, so that "format" can tell a wrong answer (a wrong colour) from a
 * wrong-kind answer (a digit string where a colour was asked: format collapse). Applied to a normalised answer
 * (trimmed, single spaces).
 */
public enum AnswerKind {
    YES_NO("yes|no"),
    /** One grid cell, 1..9. */
    CELL("[1-9]"),
    /** One or more distinct grid cells, space-separated. */
    CELL_LIST("[1-9]( [1-9])*"),
    /** A whole number without leading zeros (counts, sums). */
    NUMBER("0|[1-9][0-9]?"),
    /** One to three written characters, space-separated (what reading answers). */
    CHARS("[0-9" + GlyphFont.LETTERS + "]( [0-9" + GlyphFont.LETTERS + "]){0,2}"),
    /** Two or more distinct digits, space-separated (an ordering). */
    DIGIT_LIST("[0-9]( [0-9])+"),
    COLOUR(words(Colour.values().length, i -> Colour.values()[i].word())),
    SHAPE(words(ShapeKind.values().length, i -> ShapeKind.values()[i].word())),
    SIZE(words(Size.values().length, i -> Size.values()[i].word()));

    private final Pattern pattern;

    AnswerKind(String regex) {
        this.pattern = Pattern.compile(regex);
    }

    private static String words(int n, java.util.function.IntFunction<String> word) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "|").append(word.apply(i));
        }
        return sb.toString();
    }

    /** Whether {@code answer} (already normalised) is a value of this kind. */
    public boolean matches(String answer) {
        if (answer == null || !pattern.matcher(answer).matches()) {
            return false;
        }
        if (this == CELL_LIST || this == DIGIT_LIST) {
            List<String> parts = Arrays.asList(answer.split(" "));
            Set<String> distinct = new HashSet<>(parts);
            return distinct.size() == parts.size();
        }
        return true;
    }
}
