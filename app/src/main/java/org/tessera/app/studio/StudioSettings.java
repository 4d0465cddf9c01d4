package org.tessera.app.studio;

import java.util.ArrayList;
import java.util.List;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.Presentation;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.Split;

/**
 * What the studio's controls choose: enough to regenerate the puzzle exactly (spec + seed + index), as a run's
 * rollout log does.
 *
 * @param source {@code procedural}, {@code scenery}, {@code assets} or a folder path (as in an experiment's task.source)
 */
public record StudioSettings(String source, Grid grid, Presentation presentation, boolean gridLines, long seed,
                             int index) {

    /** Grids the studio offers: 1x2 up to 4x4 (at least two tiles). */
    public static List<Grid> grids() {
        List<Grid> grids = new ArrayList<>();
        for (int r = 1; r <= 4; r++) {
            for (int c = 1; c <= 4; c++) {
                if (r * c >= 2) {
                    grids.add(new Grid(r, c));
                }
            }
        }
        return grids;
    }

    /**
     * The spec at the model's native 48 px (48 divides by 1..4 and 6): what the shipped model was trained to see,
     * so "Ask the model" sees exactly this puzzle.
     */
    public PuzzleSpec spec() {
        return new PuzzleSpec(grid, source, presentation, gridLines, PuzzleSpec.DEFAULT_IMAGE_SIZE, Split.TRAIN,
                false);
    }
}
