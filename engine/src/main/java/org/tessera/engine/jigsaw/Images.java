package org.tessera.engine.jigsaw;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Small pixel helpers. Everything in the engine is TYPE_INT_RGB; these never use JavaFX. */
public final class Images {
    private Images() {
    }

    public static BufferedImage rgb(int width, int height) {
        return new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    }

    /** A TYPE_INT_RGB copy of any image; transparent pixels are composited over white. */
    public static BufferedImage copy(BufferedImage src) {
        BufferedImage out = rgb(src.getWidth(), src.getHeight());
        if (src.getType() == BufferedImage.TYPE_INT_RGB) {
            for (int y = 0; y < src.getHeight(); y++) {
                for (int x = 0; x < src.getWidth(); x++) {
                    out.setRGB(x, y, src.getRGB(x, y));
                }
            }
            return out;
        }
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** Whether two images have the same size and exactly the same RGB pixels. */
    public static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Nearest-neighbour upscale: keeps tile borders crisp for people. */
    public static BufferedImage upscale(BufferedImage src, int factor) {
        if (factor < 1) {
            throw new IllegalArgumentException("scale factor must be >= 1, got " + factor);
        }
        BufferedImage out = rgb(src.getWidth() * factor, src.getHeight() * factor);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, src.getRGB(x / factor, y / factor));
            }
        }
        return out;
    }

    /**
     * Centre-crops to a square and resamples to {@code size x size} by area averaging (exact box filter), which is
     * deterministic and does not alias when shrinking large photos.
     */
    public static BufferedImage centreCropResize(BufferedImage src, int size) {
        int w = src.getWidth();
        int h = src.getHeight();
        int side = Math.min(w, h);
        int x0 = (w - side) / 2;
        int y0 = (h - side) / 2;
        int[] px = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                px[y * side + x] = src.getRGB(x0 + x, y0 + y);
            }
        }
        BufferedImage out = rgb(size, size);
        double scale = (double) side / size;
        for (int oy = 0; oy < size; oy++) {
            double sy0 = oy * scale;
            double sy1 = sy0 + scale;
            for (int ox = 0; ox < size; ox++) {
                double sx0 = ox * scale;
                double sx1 = sx0 + scale;
                double r = 0, g = 0, b = 0, wsum = 0;
                for (int sy = (int) sy0; sy < Math.min(side, (int) Math.ceil(sy1)); sy++) {
                    double wy = Math.min(sy + 1, sy1) - Math.max(sy, sy0);
                    for (int sx = (int) sx0; sx < Math.min(side, (int) Math.ceil(sx1)); sx++) {
                        double wx = Math.min(sx + 1, sx1) - Math.max(sx, sx0);
                        double wgt = wx * wy;
                        if (wgt <= 0) {
                            continue;
                        }
                        int p = px[sy * side + sx];
                        r += wgt * ((p >> 16) & 255);
                        g += wgt * ((p >> 8) & 255);
                        b += wgt * (p & 255);
                        wsum += wgt;
                    }
                }
                out.setRGB(ox, oy, pack(r / wsum, g / wsum, b / wsum));
            }
        }
        return out;
    }

    public static int pack(double r, double g, double b) {
        return (clamp(r) << 16) | (clamp(g) << 8) | clamp(b);
    }

    private static int clamp(double v) {
        long x = Math.round(v);
        return (int) Math.max(0, Math.min(255, x));
    }
}
