package org.tessera.engine.jigsaw;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Paints the sample images shipped in {@code assets/images/} (made by Tessera, CC0). Regenerate with
 * {@code java -cp engine/target/classes org.tessera.engine.jigsaw.SampleImages assets/images}.
 */
public final class SampleImages {
    public static final int SIZE = 192;

    /** (style, seed) of each shipped sample: every style, more of the richer ones. */
    static final Object[][] SAMPLES = {
            {ProceduralArt.Style.LANDSCAPE, 11L}, {ProceduralArt.Style.LANDSCAPE, 23L},
            {ProceduralArt.Style.MOSAIC, 5L}, {ProceduralArt.Style.MOSAIC, 42L},
            {ProceduralArt.Style.PLASMA, 3L}, {ProceduralArt.Style.PLASMA, 17L},
            {ProceduralArt.Style.RINGS, 8L}, {ProceduralArt.Style.SHAPES, 101L},
            {ProceduralArt.Style.SHAPES, 202L}, {ProceduralArt.Style.GRADIENT_LINES, 31L},
            {ProceduralArt.Style.STRIPES, 77L}, {ProceduralArt.Style.TEXTURE, 64L}};

    private SampleImages() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "assets/images");
        Files.createDirectories(dir);
        for (int i = 0; i < SAMPLES.length; i++) {
            ProceduralArt.Style style = (ProceduralArt.Style) SAMPLES[i][0];
            long seed = (Long) SAMPLES[i][1];
            Path file = dir.resolve(String.format("sample-%02d-%s.png", i + 1, style.id()));
            ImageIO.write(ProceduralArt.paint(style, seed, SIZE), "png", file.toFile());
            System.out.println("wrote " + file);
        }
    }
}
