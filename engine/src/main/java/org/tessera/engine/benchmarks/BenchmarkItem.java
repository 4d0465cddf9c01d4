package org.tessera.engine.benchmarks;

import org.tessera.engine.model.Prompt;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One question ready to ask a model: the row, its pictures, and what the model's answer convention makes of it.
 *
 * @param benchmark   the family name
 * @param kind        how it is scored
 * @param prompt      pictures and question text (with options and the benchmark's instruction)
 * @param reference   the reference completion, as the model would write it (scored for {@code nll})
 * @param prefix      the part every option's completion shares ({@code <answer>} or nothing)
 * @param candidates  the option completions after the prefix (letters, yes/no), the reference's at
 *                    {@code referenceIndex}; empty for kinds without options
 * @param referenceIndex index of the reference among the candidates, or -1
 * @param frameWidth  width of the frame the model's box coordinates refer to (grounding)
 * @param frameHeight height of that frame
 */
public record BenchmarkItem(String benchmark, BenchmarkKind kind, BenchmarkRow row, List<BufferedImage> images,
                            Prompt prompt, String reference, String prefix, List<String> candidates,
                            int referenceIndex, int frameWidth, int frameHeight) {
    public BenchmarkItem {
        images = List.copyOf(images);
        candidates = List.copyOf(candidates);
    }

    /** The picture boxes refer to: the first one. */
    public BufferedImage image() {
        return images.isEmpty() ? null : images.get(0);
    }
}
