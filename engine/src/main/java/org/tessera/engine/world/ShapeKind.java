package org.tessera.engine.world;

/**
 * Shape kinds, chosen to differ clearly at 10-14 pixels: a filled square, a filled disc, an upward triangle and a
 * plus-shaped cross. {@link #contains} decides coverage of a pixel centre analytically, so rendering is
 * deterministic on every platform (no Java2D rasteriser or antialiasing involved).
 */
public enum ShapeKind {
    SQUARE("square", "squares"),
    CIRCLE("circle", "circles"),
    TRIANGLE("triangle", "triangles"),
    CROSS("cross", "crosses");

    private final String word;
    private final String plural;

    ShapeKind(String word, String plural) {
        this.word = word;
        this.plural = plural;
    }

    public String word() {
        return word;
    }

    public String plural() {
        return plural;
    }

    /**
     * Whether the point (dx, dy), measured from the shape's centre in pixels, lies inside a shape whose bounding
     * box has side {@code extent}.
     */
    public boolean contains(double dx, double dy, int extent) {
        double h = extent / 2.0;
        switch (this) {
            case SQUARE:
                return Math.abs(dx) <= h && Math.abs(dy) <= h;
            case CIRCLE:
                return dx * dx + dy * dy <= h * h;
            case TRIANGLE:
                // apex at the top centre, base along the bottom edge: the half-width grows linearly downwards
                if (dy < -h || dy > h) {
                    return false;
                }
                double halfWidth = (dy + h) / 2.0;
                return Math.abs(dx) <= halfWidth;
            case CROSS:
                double arm = extent / 6.0;
                boolean inBox = Math.abs(dx) <= h && Math.abs(dy) <= h;
                return inBox && (Math.abs(dx) <= arm || Math.abs(dy) <= arm);
            default:
                throw new IllegalStateException(name());
        }
    }
}
