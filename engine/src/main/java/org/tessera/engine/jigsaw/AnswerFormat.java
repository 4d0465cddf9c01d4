package org.tessera.engine.jigsaw;

/**
 * The canonical answer text: the 1-based answer as a row-major grid, numbers separated by one space, rows by a
 * newline (Jigsaw-R1's layout), e.g. {@code "3 1\n4 2"} for 2x2. The parser accepts many other spellings.
 */
public final class AnswerFormat {
    private AnswerFormat() {
    }

    public static String write(int[] answer, Grid grid) {
        if (answer.length != grid.cells()) {
            throw new IllegalArgumentException("answer has " + answer.length + " entries, grid " + grid + " needs "
                    + grid.cells());
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < answer.length; i++) {
            if (i > 0) {
                sb.append(grid.col(i) == 0 ? "\n" : " ");
            }
            sb.append(answer[i]);
        }
        return sb.toString();
    }

    /** {@code <answer>...</answer>} around the canonical text. */
    public static String tagged(int[] answer, Grid grid) {
        return "<answer>" + write(answer, grid) + "</answer>";
    }
}
