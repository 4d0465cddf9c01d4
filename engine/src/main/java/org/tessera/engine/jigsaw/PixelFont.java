package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;

/**
 * A 3x5 bitmap digit font for labels on rendered puzzles. AWT text needs system fonts, which headless servers and
 * minimal containers may lack; these glyphs render identically everywhere.
 */
public final class PixelFont {
    private static final String[] DIGITS = {
            "111101101101111", "010110010010111", "111001111100111", "111001111001111", "101101111001001",
            "111100111001111", "111100111101111", "111001001001001", "111101111101111", "111101111001111"};

    private PixelFont() {
    }

    /** Width in pixels of {@code text} (digits only) at {@code scale}, including a one-pixel-scaled margin. */
    public static int width(String text, int scale) {
        return (text.length() * 4 + 1) * scale;
    }

    public static int height(int scale) {
        return 7 * scale;
    }

    /** Draws digits in {@code ink} on a filled {@code paper} box whose top-left corner is (x, y); clipped. */
    public static void draw(BufferedImage img, String text, int x, int y, int scale, int ink, int paper) {
        fill(img, x, y, width(text, scale), height(scale), paper);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                continue;
            }
            String g = DIGITS[c - '0'];
            for (int gy = 0; gy < 5; gy++) {
                for (int gx = 0; gx < 3; gx++) {
                    if (g.charAt(gy * 3 + gx) == '1') {
                        fill(img, x + (1 + i * 4 + gx) * scale, y + (1 + gy) * scale, scale, scale, ink);
                    }
                }
            }
        }
    }

    static void fill(BufferedImage img, int x, int y, int w, int h, int rgb) {
        for (int yy = Math.max(0, y); yy < Math.min(img.getHeight(), y + h); yy++) {
            for (int xx = Math.max(0, x); xx < Math.min(img.getWidth(), x + w); xx++) {
                img.setRGB(xx, yy, rgb);
            }
        }
    }
}
