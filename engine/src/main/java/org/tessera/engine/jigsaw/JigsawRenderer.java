package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Turns a puzzle into pictures: the model's input (native size, as the spec's presentation says) and larger
 * renderings for people (nearest-neighbour upscale, visible gaps between tiles, shown-position labels).
 */
public final class JigsawRenderer {
    static final int LINE = 0x202020;
    static final int GAP = 0xF4F4F4;
    static final int LABEL_INK = 0xFFFFFF;
    static final int LABEL_PAPER = 0x303030;

    private JigsawRenderer() {
    }

    /** The composite image: every tile drawn at its shown position; thin lines between tiles if the spec asks. */
    public static BufferedImage composite(Puzzle puzzle) {
        return composite(puzzle, puzzle.spec().gridLines());
    }

    public static BufferedImage composite(Puzzle puzzle, boolean gridLines) {
        PuzzleSpec spec = puzzle.spec();
        Grid grid = spec.grid();
        BufferedImage out = Images.rgb(spec.imageSize(), spec.imageSize());
        for (int s = 0; s < grid.cells(); s++) {
            blit(puzzle.shownTile(s), out, grid.col(s) * spec.tileWidth(), grid.row(s) * spec.tileHeight());
        }
        if (gridLines) {
            // One pixel at the start of each interior tile: the model sees where tiles meet.
            for (int c = 1; c < grid.cols(); c++) {
                PixelFont.fill(out, c * spec.tileWidth(), 0, 1, spec.imageSize(), LINE);
            }
            for (int r = 1; r < grid.rows(); r++) {
                PixelFont.fill(out, 0, r * spec.tileHeight(), spec.imageSize(), 1, LINE);
            }
        }
        return out;
    }

    /** The images given to the model: one composite, or every tile in shown order. */
    public static List<BufferedImage> modelImages(Puzzle puzzle) {
        return puzzle.spec().presentation() == Presentation.COMPOSITE
                ? List.of(composite(puzzle))
                : puzzle.shownTiles();
    }

    /**
     * A picture for people, upscaled {@code scale} times: the composite with gaps between tiles, or the separate
     * tiles in a row, each labelled with its shown position (1-based).
     */
    public static BufferedImage forPeople(Puzzle puzzle, int scale) {
        Grid grid = puzzle.grid();
        PuzzleSpec spec = puzzle.spec();
        int tw = spec.tileWidth() * scale, th = spec.tileHeight() * scale;
        int gap = Math.max(2, scale / 2);
        int labelScale = Math.max(1, Math.min(tw, th) / 24);
        boolean strip = spec.presentation() == Presentation.TILES;
        int cols = strip ? grid.cells() : grid.cols();
        int rows = strip ? 1 : grid.rows();
        if (strip) {
            gap *= 3; // separate images should look separate
        }
        BufferedImage out = Images.rgb(cols * tw + (cols + 1) * gap, rows * th + (rows + 1) * gap);
        PixelFont.fill(out, 0, 0, out.getWidth(), out.getHeight(), GAP);
        for (int s = 0; s < grid.cells(); s++) {
            int c = strip ? s : grid.col(s), r = strip ? 0 : grid.row(s);
            int x = gap + c * (tw + gap), y = gap + r * (th + gap);
            blit(Images.upscale(puzzle.shownTile(s), scale), out, x, y);
            PixelFont.draw(out, Integer.toString(s + 1), x, y, labelScale, LABEL_INK, LABEL_PAPER);
        }
        return out;
    }

    /** The unshuffled source image for people, same scale and gaps as {@link #forPeople}. */
    public static BufferedImage sourceForPeople(Puzzle puzzle, int scale) {
        Grid grid = puzzle.grid();
        PuzzleSpec spec = puzzle.spec();
        int tw = spec.tileWidth() * scale, th = spec.tileHeight() * scale;
        int gap = Math.max(2, scale / 2);
        BufferedImage out = Images.rgb(grid.cols() * tw + (grid.cols() + 1) * gap, grid.rows() * th + (grid.rows() + 1) * gap);
        PixelFont.fill(out, 0, 0, out.getWidth(), out.getHeight(), GAP);
        int labelScale = Math.max(1, Math.min(tw, th) / 24);
        for (int p = 0; p < grid.cells(); p++) {
            int x = gap + grid.col(p) * (tw + gap), y = gap + grid.row(p) * (th + gap);
            blit(Images.upscale(puzzle.tileAt(p), scale), out, x, y);
            PixelFont.draw(out, Integer.toString(p + 1), x, y, labelScale, LABEL_INK, LABEL_PAPER);
        }
        return out;
    }

    static void blit(BufferedImage src, BufferedImage dst, int x, int y) {
        for (int yy = 0; yy < src.getHeight(); yy++) {
            for (int xx = 0; xx < src.getWidth(); xx++) {
                dst.setRGB(x + xx, y + yy, src.getRGB(xx, yy));
            }
        }
    }
}
