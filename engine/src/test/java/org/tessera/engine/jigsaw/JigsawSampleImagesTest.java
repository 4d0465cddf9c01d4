package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The shipped samples are exactly what SampleImages paints, so the documented command really regenerates them. */
class JigsawSampleImagesTest {

    @Test
    void shippedSamplesMatchTheirGenerator() throws Exception {
        Path dir = PuzzleGenerator.assetsFolder();
        for (int i = 0; i < SampleImages.SAMPLES.length; i++) {
            ProceduralArt.Style style = (ProceduralArt.Style) SampleImages.SAMPLES[i][0];
            Path file = dir.resolve(String.format("sample-%02d-%s.png", i + 1, style.id()));
            BufferedImage shipped = ImageIO.read(file.toFile());
            assertNotNull(shipped, file.toString());
            BufferedImage painted = ProceduralArt.paint(style, (Long) SampleImages.SAMPLES[i][1], SampleImages.SIZE);
            assertTrue(Images.samePixels(shipped, painted), file + " differs from its generator; rerun SampleImages");
        }
    }
}
