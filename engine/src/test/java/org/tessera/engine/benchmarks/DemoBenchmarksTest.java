package org.tessera.engine.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed demo folder is what {@code tessera benchmarks-demo --out assets/benchmarks-demo} writes (rows and
 * pixels compared, not PNG bytes, which may differ between JDKs' encoders), and its boxes are where the pictures
 * are.
 */
class DemoBenchmarksTest {
    @Test
    void theShippedDemoFolderIsTheCommandsOutput(@TempDir Path tmp) {
        DemoBenchmarks.write(tmp, 24, 1, false);
        List<Benchmark> fresh = BenchmarkFolder.read(tmp);
        List<Benchmark> shipped = BenchmarkFolder.read(Path.of("../assets/benchmarks-demo"));
        assertEquals(fresh.size(), shipped.size());
        for (int i = 0; i < fresh.size(); i++) {
            Benchmark a = fresh.get(i);
            Benchmark b = shipped.get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.kind(), b.kind());
            assertEquals(a.rows(), b.rows());
            assertEquals(List.of(), b.skipped());
            List<SkippedRow> problems = new ArrayList<>();
            Map<BenchmarkRow, List<Picture>> pa = a.images().load(a.rows(), problems);
            Map<BenchmarkRow, List<Picture>> pb = b.images().load(b.rows(), problems);
            assertEquals(List.of(), problems);
            for (BenchmarkRow r : a.rows()) {
                assertArrayEquals(pixels(pa.get(r).get(0).image()), pixels(pb.get(r).get(0).image()), a.name() + " " + r.id());
            }
        }
    }

    @Test
    void groundingBoxesCoverTheirShape(@TempDir Path tmp) {
        DemoBenchmarks.write(tmp, 6, 3, false);
        Benchmark refcoco = BenchmarkFolder.read(tmp).stream().filter(b -> b.kind() == BenchmarkKind.GROUNDING)
                .findFirst().orElseThrow();
        Map<BenchmarkRow, List<Picture>> images = refcoco.images().load(refcoco.rows(), new ArrayList<>());
        for (BenchmarkRow r : refcoco.rows()) {
            BufferedImage img = images.get(r).get(0).image();
            Box b = r.box();
            int background = img.getRGB(0, 0); // shapes keep at least a pixel from their cell's border
            // the box's centre pixel is the shape's colour, and nothing of that colour lies outside it in the cell
            int centre = img.getRGB((int) ((b.x1() + b.x2()) / 2), (int) ((b.y1() + b.y2()) / 2));
            assertTrue(centre != background, r.toString());
            int left = (int) b.x1() - 1;
            assertTrue(left < 0 || img.getRGB(left, (int) ((b.y1() + b.y2()) / 2)) != centre, r.toString());
        }
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
