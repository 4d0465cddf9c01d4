package org.tessera.engine.jigsaw;

/**
 * Everything that defines a puzzle set except its seed: a set is reproducible from (spec, seed), puzzle by puzzle.
 *
 * @param grid          rows x cols
 * @param source        {@code procedural}, {@code scenery}, {@code assets}, or a folder path of the user's PNG/JPEG files
 * @param presentation  composite or tiles
 * @param gridLines     draw thin dark lines between tiles in the model's composite image
 * @param imageSize     side of the square source image in pixels; must divide by rows and cols (48 matches the
 *                      built-in model's 48x48 native image)
 * @param split         train or test: the two never share a source image
 * @param allowIdentity whether an unshuffled arrangement may be drawn (off by default: it is not a puzzle)
 */
public record PuzzleSpec(Grid grid, String source, Presentation presentation, boolean gridLines, int imageSize,
                         Split split, boolean allowIdentity) {
    public static final int DEFAULT_IMAGE_SIZE = 48;
    public static final String PROCEDURAL = "procedural";
    public static final String SCENERY = "scenery";
    public static final String ASSETS = "assets";

    public PuzzleSpec {
        if (grid == null) {
            throw new IllegalArgumentException("spec.grid: missing");
        }
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("spec.source: missing (procedural, scenery, assets or a folder)");
        }
        presentation = presentation == null ? Presentation.COMPOSITE : presentation;
        split = split == null ? Split.TRAIN : split;
        if (imageSize < 2 || imageSize > 4096) {
            throw new IllegalArgumentException("spec.imageSize " + imageSize + ": must be 2..4096");
        }
        if (imageSize % grid.rows() != 0 || imageSize % grid.cols() != 0) {
            throw new IllegalArgumentException("spec.imageSize " + imageSize + " does not divide by the grid "
                    + grid + ": every tile must have the same whole number of pixels");
        }
    }

    /** Procedural composite puzzles at the default size, train split. */
    public static PuzzleSpec procedural(Grid grid) {
        return new PuzzleSpec(grid, PROCEDURAL, Presentation.COMPOSITE, false, DEFAULT_IMAGE_SIZE, Split.TRAIN, false);
    }

    public PuzzleSpec withSplit(Split s) {
        return new PuzzleSpec(grid, source, presentation, gridLines, imageSize, s, allowIdentity);
    }

    public PuzzleSpec withPresentation(Presentation p) {
        return new PuzzleSpec(grid, source, p, gridLines, imageSize, split, allowIdentity);
    }

    public PuzzleSpec withSource(String s) {
        return new PuzzleSpec(grid, s, presentation, gridLines, imageSize, split, allowIdentity);
    }

    public PuzzleSpec withImageSize(int size) {
        return new PuzzleSpec(grid, source, presentation, gridLines, size, split, allowIdentity);
    }

    public PuzzleSpec withGridLines(boolean lines) {
        return new PuzzleSpec(grid, source, presentation, lines, imageSize, split, allowIdentity);
    }

    public int tileWidth() {
        return imageSize / grid.cols();
    }

    public int tileHeight() {
        return imageSize / grid.rows();
    }
}
