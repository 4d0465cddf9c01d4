package org.tessera.engine.jigsaw;

import java.util.Arrays;

/**
 * What the parser read from one completion.
 *
 * @param failure     NONE, or the first problem found (see {@link ParseFailure})
 * @param structureOk the whole completion has the template's shape: {@code <think>..</think><answer>..</answer>}
 *                    (THINK) or {@code <answer>..</answer>} (ANSWER), only whitespace around, no stray tags
 * @param answerText  the text between the first answer tags, or null when there is none
 * @param numbers     one entry per answer entry in order: its value when it is a number in range, else 0
 * @param repeated    some in-range position occurs more than once (whatever else is wrong)
 * @param detail      a short human-readable explanation of the failure ("" when NONE)
 */
public record ParseResult(ParseFailure failure, boolean structureOk, String answerText, int[] numbers,
                          boolean repeated, String detail) {

    public boolean ok() {
        return failure == ParseFailure.NONE;
    }

    /** The right number of in-range positions, repeats allowed: a valid arrangement or one with a repeated index. */
    public boolean inRangeList() {
        return failure == ParseFailure.NONE || failure == ParseFailure.REPEATED_INDEX;
    }

    /** The 1-based answer; only when {@link #ok()}. */
    public int[] answer() {
        if (!ok()) {
            throw new IllegalStateException("no valid answer: " + failure + " " + detail);
        }
        return numbers.clone();
    }

    /** Entries equal to the truth at the same position, over the grid size (positional, like Jigsaw-R1). */
    public double fractionMatching(int[] truth) {
        int m = 0;
        for (int i = 0; i < Math.min(truth.length, numbers.length); i++) {
            if (numbers[i] == truth[i]) {
                m++;
            }
        }
        return truth.length == 0 ? 0 : (double) m / truth.length;
    }

    public boolean exact(int[] truth) {
        return ok() && Arrays.equals(numbers, truth);
    }

    @Override
    public String toString() {
        return "ParseResult[" + failure + (detail.isEmpty() ? "" : " (" + detail + ")") + ", structureOk="
                + structureOk + ", numbers=" + Arrays.toString(numbers) + "]";
    }
}
