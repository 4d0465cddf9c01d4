package org.tessera.engine.world;

/** Two object sizes, far enough apart (8 vs 14 pixels in a 16-pixel cell) that "big or small" is never close. */
public enum Size {
    SMALL("small", 8),
    BIG("big", 14);

    private final String word;
    private final int extent;

    Size(String word, int extent) {
        this.word = word;
        this.extent = extent;
    }

    public String word() {
        return word;
    }

    /** Side of the shape's bounding box in pixels. */
    public int extent() {
        return extent;
    }
}
