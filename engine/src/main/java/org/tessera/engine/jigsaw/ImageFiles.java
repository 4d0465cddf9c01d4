package org.tessera.engine.jigsaw;

import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads one user image file into a square TYPE_INT_RGB image, or says exactly why it cannot. Greyscale, palette,
 * 16-bit and alpha images are converted (alpha composited over white); CMYK JPEGs are converted by the JDK 17
 * reader's own CMYK colour space; JPEG variants it cannot decode (some YCCK/Adobe files) are skipped with that reason.
 */
public final class ImageFiles {
    /** A tile needs at least this many source pixels per side to show any structure. */
    public static final int MIN_TILE_PIXELS = 4;

    private ImageFiles() {
    }

    /** Result of reading: exactly one of image and reason is non-null. */
    public record Loaded(BufferedImage image, String reason) {
        public boolean ok() {
            return image != null;
        }
    }

    public static boolean hasImageExtension(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
    }

    /** Loads, checks the size against the grid, centre-crops and resizes to {@code size}. Never throws. */
    public static Loaded load(Path file, Grid grid, int size) {
        try {
            if (!hasImageExtension(file)) {
                return fail("not a .png, .jpg or .jpeg file");
            }
            long bytes = Files.size(file);
            if (bytes == 0) {
                return fail("empty file (0 bytes)");
            }
            BufferedImage raw;
            try {
                raw = ImageIO.read(file.toFile());
            } catch (IIOException e) {
                String msg = String.valueOf(e.getMessage());
                if (msg.contains("Unsupported Image Type") || msg.toLowerCase(Locale.ROOT).contains("cmyk")) {
                    return fail("unsupported JPEG colour type (e.g. YCCK/Adobe CMYK) for the Java image reader; save it as RGB");
                }
                return fail("corrupt or unreadable image: " + msg);
            }
            if (raw == null) {
                return fail("not a PNG or JPEG image (no reader recognised its content)");
            }
            int need = MIN_TILE_PIXELS * Math.max(grid.rows(), grid.cols());
            int side = Math.min(raw.getWidth(), raw.getHeight());
            if (side < need) {
                return fail("image is " + raw.getWidth() + "x" + raw.getHeight() + ", too small for the " + grid
                        + " grid: its shorter side needs at least " + need + " pixels (" + MIN_TILE_PIXELS
                        + " per tile)");
            }
            return new Loaded(Images.centreCropResize(Images.copy(raw), size), null);
        } catch (IOException | RuntimeException e) {
            // ImageIO's plugins throw assorted runtime exceptions on truncated or hostile files.
            return fail("corrupt or unreadable image: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static Loaded fail(String reason) {
        return new Loaded(null, reason);
    }
}
