package org.tessera.engine.world;

import java.awt.image.BufferedImage;

/**
 * Draws a {@link Scene} into a 48x48 RGB image, pixel by pixel with exact geometry (no antialiasing), so the same
 * scene gives the same pixels on every machine. Shapes and glyphs are centred in their 16x16 cells.
 */
public final class SceneRenderer {
    /** Glyph ink: white, which no shape uses. */
    public static final int INK = 0xF0F0F0;

    private SceneRenderer() {
    }

    public static BufferedImage render(Scene scene) {
        int n = Grid.IMAGE_PIXELS;
        // paint into a plain array and copy once: per-pixel setRGB dominated the pretraining stream's cost
        int[] px = new int[n * n];
        java.util.Arrays.fill(px, scene.background().rgb());
        for (SceneObject o : scene.objects()) {
            drawShape(px, o);
        }
        for (Glyph g : scene.glyphs()) {
            drawGlyph(px, g);
        }
        BufferedImage img = new BufferedImage(n, n, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, n, n, px, 0, n);
        return img;
    }

    private static void drawShape(int[] px, SceneObject o) {
        double cx = Grid.left(o.cell()) + Grid.CELL_PIXELS / 2.0;
        double cy = Grid.top(o.cell()) + Grid.CELL_PIXELS / 2.0;
        for (int y = Grid.top(o.cell()); y < Grid.top(o.cell()) + Grid.CELL_PIXELS; y++) {
            for (int x = Grid.left(o.cell()); x < Grid.left(o.cell()) + Grid.CELL_PIXELS; x++) {
                // test the pixel centre so that shapes are symmetric about the cell centre
                if (o.kind().contains(x + 0.5 - cx, y + 0.5 - cy, o.size().extent())) {
                    px[y * Grid.IMAGE_PIXELS + x] = o.colour().rgb();
                }
            }
        }
    }

    private static void drawGlyph(int[] px, Glyph g) {
        int w = GlyphFont.WIDTH * GlyphFont.SCALE;
        int h = GlyphFont.HEIGHT * GlyphFont.SCALE;
        int x0 = Grid.left(g.cell()) + (Grid.CELL_PIXELS - w) / 2;
        int y0 = Grid.top(g.cell()) + (Grid.CELL_PIXELS - h) / 2;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (GlyphFont.ink(g.ch(), x / GlyphFont.SCALE, y / GlyphFont.SCALE)) {
                    px[(y0 + y) * Grid.IMAGE_PIXELS + x0 + x] = INK;
                }
            }
        }
    }
}
