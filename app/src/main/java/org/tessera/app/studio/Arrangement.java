package org.tessera.app.studio;

import java.util.Arrays;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.Reassembler;

/**
 * A person's arrangement of a puzzle's tiles on the board: which shown tile sits at each board position. It starts
 * as the puzzle is shown (tile s at position s) and changes by swaps. Pure logic, no JavaFX, so it is tested alone.
 */
public final class Arrangement {
    private final Puzzle puzzle;
    private final int[] occupant;

    public Arrangement(Puzzle puzzle) {
        this.puzzle = puzzle;
        this.occupant = new int[puzzle.grid().cells()];
        Arrays.setAll(occupant, i -> i);
    }

    public Puzzle puzzle() {
        return puzzle;
    }

    public int size() {
        return occupant.length;
    }

    /** The 0-based shown tile at a 0-based board position. */
    public int tileAt(int position) {
        return occupant[position];
    }

    public void swap(int a, int b) {
        int t = occupant[a];
        occupant[a] = occupant[b];
        occupant[b] = t;
    }

    /**
     * The arrangement written as the model must answer: for each shown tile, the 1-based position it was put at.
     * Scoring a person's board with the engine's own reassembler keeps "solved" defined in one place.
     */
    public int[] answer() {
        int[] answer = new int[occupant.length];
        for (int p = 0; p < occupant.length; p++) {
            answer[occupant[p]] = p + 1;
        }
        return answer;
    }

    public Reassembler.Reassembly reassembly() {
        return Reassembler.reassemble(puzzle, answer());
    }

    public boolean solved() {
        return reassembly().solved();
    }

    public int correctCount() {
        return reassembly().correctCount();
    }
}
