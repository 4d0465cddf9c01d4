package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One jigsaw puzzle: the source image, how its tiles are shuffled, and therefore its ground truth.
 *
 * @param id          stable id {@code p-<seed>-<index>}; with the spec it regenerates the puzzle
 * @param spec        the set's spec
 * @param seed        the set's seed
 * @param index       position in the set
 * @param imageId     id of the source image (file name, or procedural style and seed)
 * @param source      the unshuffled image, TYPE_INT_RGB, {@code spec.imageSize()} square
 * @param permutation shown position -> true position
 */
public record Puzzle(String id, PuzzleSpec spec, long seed, int index, String imageId, BufferedImage source,
                     Permutation permutation) {

    public static String idOf(long seed, int index) {
        return "p-" + seed + "-" + index;
    }

    public Grid grid() {
        return spec.grid();
    }

    /** The 1-based ground-truth answer in shown order. */
    public int[] answer() {
        return permutation.answer();
    }

    /** A copy of the tile that belongs at 0-based position {@code truePosition} of the source image. */
    public BufferedImage tileAt(int truePosition) {
        int w = spec.tileWidth();
        int h = spec.tileHeight();
        int x = grid().col(truePosition) * w;
        int y = grid().row(truePosition) * h;
        return Images.copy(source.getSubimage(x, y, w, h));
    }

    /** The tile shown at 0-based position {@code shownPosition}. */
    public BufferedImage shownTile(int shownPosition) {
        return tileAt(permutation.trueOf(shownPosition));
    }

    /** All tiles in shown order. */
    public List<BufferedImage> shownTiles() {
        List<BufferedImage> tiles = new ArrayList<>(grid().cells());
        for (int s = 0; s < grid().cells(); s++) {
            tiles.add(shownTile(s));
        }
        return tiles;
    }
}
