package org.tessera.engine.jigsaw;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenery source: deterministic, split-disjoint, and carrying the photo-like cues its documentation claims. */
class JigsawSceneryTest {

    @Test
    void sameSeedSamePixelsOtherSeedOtherPicture() {
        assertTrue(Images.samePixels(SceneryArt.paint(5, 48), SceneryArt.paint(5, 48)));
        assertFalse(Images.samePixels(SceneryArt.paint(5, 48), SceneryArt.paint(6, 48)));
        Puzzle a = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 2)).withSource(PuzzleSpec.SCENERY)).puzzle(3, 1);
        Puzzle b = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(2, 2)).withSource(PuzzleSpec.SCENERY)).puzzle(3, 1);
        assertEquals(a.imageId(), b.imageId());
        assertTrue(a.imageId().startsWith("scenery/"), a.imageId());
        assertTrue(Images.samePixels(JigsawRenderer.composite(a), JigsawRenderer.composite(b)));
    }

    @Test
    void trainAndTestNeverShareAPicture() {
        PuzzleSpec spec = PuzzleSpec.procedural(new Grid(2, 2)).withSource(PuzzleSpec.SCENERY).withImageSize(8);
        Set<String> train = new HashSet<>();
        for (Puzzle p : new PuzzleGenerator(spec).generate(1, 1000)) {
            train.add(p.imageId());
        }
        for (Puzzle p : new PuzzleGenerator(spec.withSplit(Split.TEST)).generate(1, 1000)) {
            assertFalse(train.contains(p.imageId()), p.imageId());
        }
    }

    /** Sky above and sun on the left: the top half is bluer than the bottom, the left half brighter than the right. */
    @Test
    void everyPictureIsLaidOutLikeAPhotograph() {
        for (long seed = 0; seed < 200; seed++) {
            BufferedImage img = SceneryArt.paint(seed, 48);
            double[] top = mean(img, 0, 0, 48, 24), bottom = mean(img, 0, 24, 48, 24);
            double[] left = mean(img, 0, 0, 24, 48), right = mean(img, 24, 0, 24, 48);
            assertTrue(top[2] > bottom[2] + 20, "seed " + seed + ": top not bluer than bottom");
            assertTrue(sum(left) > sum(right) + 15, "seed " + seed + ": left not brighter than right");
        }
    }

    private static double[] mean(BufferedImage img, int x0, int y0, int w, int h) {
        double[] m = new double[3];
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                int rgb = img.getRGB(x, y);
                m[0] += (rgb >> 16) & 0xFF;
                m[1] += (rgb >> 8) & 0xFF;
                m[2] += rgb & 0xFF;
            }
        }
        for (int k = 0; k < 3; k++) {
            m[k] /= (double) w * h;
        }
        return m;
    }

    private static double sum(double[] rgb) {
        return rgb[0] + rgb[1] + rgb[2];
    }
}
