package org.tessera.engine.benchmarks;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A benchmark picture kept encoded (PNG, JPEG, ... as in the file) with its size: a drawn subset holds its pictures
 * this way, since decoded pages of a document benchmark take tens of megabytes each, and decodes them when a prompt
 * is built.
 */
public record Picture(byte[] encoded, int width, int height) {
    /** Decodes the bytes; null when they are not a picture Java can read (the constructor's caller checked). */
    static BufferedImage decodeOrNull(byte[] bytes) throws IOException {
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(bytes));
        return img == null ? null : rgb(img);
    }

    /** The picture as RGB pixels. */
    public BufferedImage image() {
        try {
            BufferedImage img = decodeOrNull(encoded);
            if (img == null) {
                throw new IllegalStateException("a checked picture no longer decodes");
            }
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = out.createGraphics();
        g.drawImage(img, 0, 0, java.awt.Color.WHITE, null); // transparent pixels on white, as PIL's convert('RGB')
        g.dispose();
        return out;
    }
}
