package org.tessera.engine.jigsaw;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The "Rea-Teacher": an outside solver ({@link EdgeSolver}, pixels only, no ground truth) that writes its
 * reasoning in a fixed voice deliberately unlike the base model's (which writes short lowercase phrases such as
 * "i see a red circle in cell 2 ."): numbered, Title-Case steps with explicit edge-matching language, one per
 * position, e.g.
 * <pre>
 * Step 1: Compare The Edges Of All 4 Tiles.
 * Step 2: Tile 3 Goes To Position 1, The Start With The Lowest Total Mismatch.
 * Step 3: Tile 1 Goes To Position 2, Its Left Edge Matches The Right Edge Of Tile 3.
 * Step 4: Tile 4 Goes To Position 3, Its Top Edge Matches The Bottom Edge Of Tile 3.
 * Step 5: Tile 2 Goes To Position 4, Its Left Edge Matches Tile 4 And Its Top Edge Matches Tile 1.
 * Step 6: List The Position Of Each Tile In Tile Order.
 * </pre>
 * Steps are separated by newlines. Every word the teacher can write is in {@link #WORDS}.
 */
public final class Teacher {
    /** Every phrase of the trace, so {@link JigsawText#vocabularyWords()} can list the teacher's words. */
    static final String WORDS = "Step Compare The Edges Of All Tiles Tile Goes To Position Start With Lowest Total"
            + " Mismatch Its Left Edge Matches Right Top Bottom And List Each In Order";

    /**
     * @param answer     the solver's 1-based answer (shown tile -> position)
     * @param occupant   position -> shown tile, 0-based
     * @param trace      the reasoning text (what goes inside {@code <think>})
     * @param completion the full THINK completion: {@code <think>trace</think><answer>..</answer>}
     */
    public record Solution(int[] answer, int[] occupant, String trace, String completion) {
    }

    private Teacher() {
    }

    /** Solves a puzzle from its shown tiles only and writes the trace. The answer may be wrong. */
    public static Solution solve(Puzzle puzzle) {
        return solve(puzzle.grid(), puzzle.shownTiles());
    }

    public static Solution solve(Grid grid, List<java.awt.image.BufferedImage> shownTiles) {
        EdgeSolver.Solution s = EdgeSolver.solve(grid, shownTiles);
        int[] answer = s.answer();
        String trace = trace(grid, s.occupant());
        return new Solution(answer, s.occupant(), trace, PromptTemplate.THINK.completion(trace, answer, grid));
    }

    /**
     * Rea-Teacher SFT data: the teacher's solution only when it is right. The check against the truth happens
     * after solving, so the solver itself never sees it; wrong solutions are dropped, never "repaired".
     */
    public static Optional<Solution> verified(Puzzle puzzle) {
        Solution s = solve(puzzle);
        return Arrays.equals(s.answer(), puzzle.answer()) ? Optional.of(s) : Optional.empty();
    }

    /** The step-by-step trace for an arrangement (position -> shown tile, 0-based). */
    public static String trace(Grid grid, int[] occupant) {
        StringBuilder sb = new StringBuilder();
        int step = 1;
        sb.append("Step ").append(step++).append(": Compare The Edges Of All ").append(grid.cells()).append(" Tiles.");
        for (int p = 0; p < occupant.length; p++) {
            sb.append('\n').append("Step ").append(step++).append(": Tile ").append(occupant[p] + 1)
                    .append(" Goes To Position ").append(p + 1).append(", ");
            boolean hasLeft = grid.col(p) > 0, hasTop = grid.row(p) > 0;
            if (!hasLeft && !hasTop) {
                sb.append("The Start With The Lowest Total Mismatch.");
            } else if (hasLeft && hasTop) {
                sb.append("Its Left Edge Matches Tile ").append(occupant[p - 1] + 1)
                        .append(" And Its Top Edge Matches Tile ").append(occupant[p - grid.cols()] + 1).append('.');
            } else if (hasLeft) {
                sb.append("Its Left Edge Matches The Right Edge Of Tile ").append(occupant[p - 1] + 1).append('.');
            } else {
                sb.append("Its Top Edge Matches The Bottom Edge Of Tile ").append(occupant[p - grid.cols()] + 1)
                        .append('.');
            }
        }
        sb.append('\n').append("Step ").append(step).append(": List The Position Of Each Tile In Tile Order.");
        return sb.toString();
    }
}
