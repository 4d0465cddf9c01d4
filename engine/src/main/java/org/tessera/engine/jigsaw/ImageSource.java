package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Where puzzle images come from. Every source assigns each of its images to exactly one {@link Split}, so train
 * and test puzzles never share a source image, and picks deterministically from the random stream it is given.
 */
public interface ImageSource {

    /** One prepared source image. @param id stable name (file path relative to the folder, or style and seed) */
    record SourceImage(String id, BufferedImage image) {
    }

    /** A file a folder source could not use, and why (shown to the user, never silently dropped). */
    record SkippedFile(String file, String reason) {
        @Override
        public String toString() {
            return file + ": " + reason;
        }
    }

    /** Short description, e.g. {@code procedural} or {@code folder /home/me/pics (12 images)}. */
    String describe();

    /** A square TYPE_INT_RGB image of the configured size from {@code split}, chosen with {@code rng} only. */
    SourceImage pick(SplittableRandom rng, Split split);

    /** Files that were skipped, with reasons (empty for procedural sources). */
    default List<SkippedFile> skipped() {
        return List.of();
    }
}
