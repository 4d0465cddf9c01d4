package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/**
 * Rebuilds the image a predicted answer describes: the tile shown at position X is put at the answer's position
 * for X. Works for any prediction, even malformed ones: missing, out-of-range and colliding entries leave tiles
 * unplaced and positions empty, and each tile is marked correct or not (used by the rollout inspector).
 */
public final class Reassembler {
    static final int OK = 0x2EB82E;
    static final int WRONG = 0xE03131;
    static final int EMPTY = 0x3A3A3A;

    /** What happened to each shown tile. */
    public enum TileStatus {
        /** placed where it truly belongs */
        CORRECT,
        /** placed, but at the wrong position */
        WRONG,
        /** not placed: no entry, not a valid position, or its position was already taken by an earlier tile */
        UNPLACED
    }

    /**
     * @param puzzle   the puzzle
     * @param occupant for each 0-based position, the 0-based shown tile placed there, or -1 when empty
     * @param status   for each shown tile, what happened to it
     */
    public record Reassembly(Puzzle puzzle, int[] occupant, TileStatus[] status) {
        public int correctCount() {
            return (int) Arrays.stream(status).filter(s -> s == TileStatus.CORRECT).count();
        }

        public boolean solved() {
            return correctCount() == status.length;
        }

        /** The reconstruction at native size; empty positions are black. Pixel-exact for a correct answer. */
        public BufferedImage image() {
            PuzzleSpec spec = puzzle.spec();
            BufferedImage out = Images.rgb(spec.imageSize(), spec.imageSize());
            for (int p = 0; p < occupant.length; p++) {
                if (occupant[p] >= 0) {
                    JigsawRenderer.blit(puzzle.shownTile(occupant[p]), out,
                            puzzle.grid().col(p) * spec.tileWidth(), puzzle.grid().row(p) * spec.tileHeight());
                }
            }
            return out;
        }

        /**
         * For people: upscaled reconstruction with a green (correct) or red (wrong) frame around each placed tile,
         * its shown-position label, and a dark crossed-out cell where no tile landed.
         */
        public BufferedImage overlay(int scale) {
            PuzzleSpec spec = puzzle.spec();
            Grid grid = puzzle.grid();
            int tw = spec.tileWidth() * scale, th = spec.tileHeight() * scale;
            int frame = Math.max(1, scale / 2);
            int labelScale = Math.max(1, Math.min(tw, th) / 24);
            BufferedImage out = Images.upscale(image(), scale);
            for (int p = 0; p < occupant.length; p++) {
                int x = grid.col(p) * tw, y = grid.row(p) * th;
                if (occupant[p] < 0) {
                    PixelFont.fill(out, x, y, tw, th, EMPTY);
                    for (int i = 0; i < Math.min(tw, th); i++) {
                        int a = i * tw / Math.min(tw, th), b = i * th / Math.min(tw, th);
                        PixelFont.fill(out, x + a, y + b, frame, frame, WRONG);
                        PixelFont.fill(out, x + tw - 1 - a, y + b, frame, frame, WRONG);
                    }
                    continue;
                }
                int colour = status[occupant[p]] == TileStatus.CORRECT ? OK : WRONG;
                PixelFont.fill(out, x, y, tw, frame, colour);
                PixelFont.fill(out, x, y + th - frame, tw, frame, colour);
                PixelFont.fill(out, x, y, frame, th, colour);
                PixelFont.fill(out, x + tw - frame, y, frame, th, colour);
                PixelFont.draw(out, Integer.toString(occupant[p] + 1), x + frame, y + frame, labelScale,
                        JigsawRenderer.LABEL_INK, colour);
            }
            return out;
        }
    }

    private Reassembler() {
    }

    /** Reassembles from a 1-based predicted answer of any length (null = nothing placed). */
    public static Reassembly reassemble(Puzzle puzzle, int[] predicted) {
        int n = puzzle.grid().cells();
        int[] occupant = new int[n];
        Arrays.fill(occupant, -1);
        TileStatus[] status = new TileStatus[n];
        Arrays.fill(status, TileStatus.UNPLACED);
        int[] p = predicted == null ? new int[0] : predicted;
        for (int s = 0; s < Math.min(n, p.length); s++) {
            int pos = p[s] - 1;
            if (pos < 0 || pos >= n || occupant[pos] >= 0) {
                continue;
            }
            occupant[pos] = s;
            status[s] = puzzle.permutation().trueOf(s) == pos ? TileStatus.CORRECT : TileStatus.WRONG;
        }
        return new Reassembly(puzzle, occupant, status);
    }

    /** Reassembles from a parsed completion; uses whatever in-range numbers were read, even if it failed. */
    public static Reassembly reassemble(Puzzle puzzle, ParseResult parsed) {
        return reassemble(puzzle, parsed.numbers());
    }
}
