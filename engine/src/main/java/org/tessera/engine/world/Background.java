package org.tessera.engine.world;

/**
 * Scene backgrounds: all dark, so that every shape colour and the white glyphs stand out, yet varied so that the
 * model cannot rely on one exact background value.
 */
public enum Background {
    BLACK(0x000000),
    CHARCOAL(0x282828),
    NAVY(0x101838),
    UMBER(0x2A1A10);

    private final int rgb;

    Background(int rgb) {
        this.rgb = rgb;
    }

    public int rgb() {
        return rgb;
    }
}
