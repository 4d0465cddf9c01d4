package org.tessera.engine.world;

/**
 * The 3x3 layout of a 48x48 scene: cells of 16x16 pixels, numbered 1 to 9 row-major from the top left, the same
 * numbering a jigsaw answer uses. Each cell covers exactly 2x2 of the model's 8x8 patches.
 */
public final class Grid {
    public static final int SIDE = 3;
    public static final int CELLS = SIDE * SIDE;
    public static final int CELL_PIXELS = 16;
    public static final int IMAGE_PIXELS = SIDE * CELL_PIXELS;

    private Grid() {
    }

    /** 1-based row of a 1-based cell. */
    public static int row(int cell) {
        check(cell);
        return (cell - 1) / SIDE + 1;
    }

    /** 1-based column of a 1-based cell. */
    public static int column(int cell) {
        check(cell);
        return (cell - 1) % SIDE + 1;
    }

    public static int cell(int row, int column) {
        if (row < 1 || row > SIDE || column < 1 || column > SIDE) {
            throw new IllegalArgumentException("no cell at row " + row + ", column " + column);
        }
        return (row - 1) * SIDE + column;
    }

    /** The cell in the given direction from {@code cell}, or 0 when that would leave the grid. */
    public static int neighbour(int cell, Relation relation) {
        int r = row(cell) + relation.rowStep();
        int c = column(cell) + relation.columnStep();
        return r < 1 || r > SIDE || c < 1 || c > SIDE ? 0 : cell(r, c);
    }

    /** Pixel x of the left edge of a cell. */
    public static int left(int cell) {
        return (column(cell) - 1) * CELL_PIXELS;
    }

    /** Pixel y of the top edge of a cell. */
    public static int top(int cell) {
        return (row(cell) - 1) * CELL_PIXELS;
    }

    private static void check(int cell) {
        if (cell < 1 || cell > CELLS) {
            throw new IllegalArgumentException("cell must be 1.." + CELLS + ", got " + cell);
        }
    }
}
