package org.tessera.engine.bench;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;

/** What the model benchmarks share: progress lines, printing the results, random input images. */
final class BenchOutput {
    private BenchOutput() {
    }

    /** A progress line on stderr, unless the results go out as JSON (stdout stays parseable either way). */
    static void log(boolean json, String msg) {
        if (!json) {
            System.err.println(msg);
        }
    }

    /** The results as indented JSON, or one aligned "key value" line each. */
    static void print(Map<String, Object> r, boolean json) throws JsonProcessingException {
        if (json) {
            System.out.println(TesseraJson.INDENTED.writeValueAsString(r));
        } else {
            r.forEach((k, v) -> System.out.printf("%-34s %s%n", k, v instanceof Double x ? String.format("%.3f", x) : v));
        }
    }

    /** A square image of random pixels from {@code rnd}. */
    static BufferedImage randomImage(Random rnd, int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                img.setRGB(x, y, rnd.nextInt(0xffffff));
            }
        }
        return img;
    }
}
