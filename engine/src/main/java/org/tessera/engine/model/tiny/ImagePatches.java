package org.tessera.engine.model.tiny;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Turns an RGB image into the model's patch vectors: resized (bilinear) to image_size, values scaled to [-1, 1],
 * cut into patch_size squares in row-major order, each flattened as (row, column, channel).
 */
public final class ImagePatches {
    private ImagePatches() {
    }

    /** Writes {@code patchesPerImage * patchDim} floats for {@code image} into {@code out} at {@code offset}. */
    public static void write(BufferedImage image, TinyVlmConfig c, float[] out, int offset) {
        int size = c.imageSize();
        BufferedImage img = image.getWidth() == size && image.getHeight() == size ? image : resize(image, size);
        int p = c.patchSize();
        int side = size / p;
        int[] rgb = img.getRGB(0, 0, size, size, null, 0, size);
        int k = offset;
        for (int py = 0; py < side; py++) {
            for (int px = 0; px < side; px++) {
                for (int y = 0; y < p; y++) {
                    int row = (py * p + y) * size + px * p;
                    for (int x = 0; x < p; x++) {
                        int v = rgb[row + x];
                        out[k++] = ((v >> 16) & 0xff) / 127.5f - 1f;
                        out[k++] = ((v >> 8) & 0xff) / 127.5f - 1f;
                        out[k++] = (v & 0xff) / 127.5f - 1f;
                    }
                }
            }
        }
    }

    static BufferedImage resize(BufferedImage src, int size) {
        BufferedImage dst = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(src, 0, 0, size, size, null);
        g.dispose();
        return dst;
    }
}
