package org.tessera.engine.world;

/**
 * The shape colours of the world: few, saturated and far apart in RGB so that one linear 8x8 patch embedding can
 * tell them apart. No white: white is reserved for written characters, so colour questions never touch glyphs.
 */
public enum Colour {
    RED("red", 0xE62828),
    GREEN("green", 0x28C83C),
    BLUE("blue", 0x3250F0),
    YELLOW("yellow", 0xF0DC28),
    PURPLE("purple", 0xC83CDC);

    private final String word;
    private final int rgb;

    Colour(String word, int rgb) {
        this.word = word;
        this.rgb = rgb;
    }

    public String word() {
        return word;
    }

    public int rgb() {
        return rgb;
    }
}
