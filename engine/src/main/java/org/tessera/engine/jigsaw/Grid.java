package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A jigsaw grid of {@code rows x cols} tiles. Positions are numbered row-major; internally 0-based, in prompts and
 * answers 1-based (as in Jigsaw-R1). Serialised as the string {@code "3x3"} (rows first).
 */
public record Grid(int rows, int cols) {
    /** Largest side we support: the answer and the teacher's search stay small, and tiles stay visible. */
    public static final int MAX_SIDE = 6;

    public Grid {
        if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
            throw new IllegalArgumentException("grid " + rows + "x" + cols + ": rows and cols must be 1.." + MAX_SIDE);
        }
        if (rows * cols < 2) {
            throw new IllegalArgumentException("grid 1x1 has a single tile: there is nothing to shuffle");
        }
    }

    /** Parses {@code "3x3"}, {@code "2x4"}, {@code "1X2"} (rows x cols). */
    @JsonCreator
    public static Grid parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("grid: missing value, expected ROWSxCOLS such as 3x3");
        }
        String[] parts = text.trim().toLowerCase().split("\\s*x\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("grid '" + text + "': expected ROWSxCOLS such as 3x3");
        }
        try {
            return new Grid(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("grid '" + text + "': expected ROWSxCOLS such as 3x3");
        }
    }

    public int cells() {
        return rows * cols;
    }

    public int row(int position) {
        return position / cols;
    }

    public int col(int position) {
        return position % cols;
    }

    public int position(int row, int col) {
        return row * cols + col;
    }

    @JsonValue
    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
