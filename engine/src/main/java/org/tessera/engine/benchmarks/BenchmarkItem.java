package org.tessera.engine.benchmarks;

import org.tessera.engine.model.Prompt;

import java.awt.image.BufferedImage;
import java.lang.ref.SoftReference;
import java.util.List;

/**
 * One question ready to ask a model: the row, its pictures (kept encoded), and what the model's answer convention
 * makes of it. {@link #prompt} decodes the pictures and keeps the prompt while memory allows (a soft reference), so
 * periodic evaluations usually reuse it and a large subset never pins every decoded page.
 */
public final class BenchmarkItem {
    private final String benchmark;
    private final BenchmarkKind kind;
    private final BenchmarkRow row;
    private final List<Picture> pictures;
    private final String text;
    private final String reference;
    private final String prefix;
    private final List<String> candidates;
    private final int referenceIndex;
    private final int frameWidth;
    private final int frameHeight;
    private SoftReference<Prompt> prompt = new SoftReference<>(null);

    /**
     * @param text           the question text (with options and the benchmark's instruction)
     * @param reference      the reference completion, as the model would write it (scored for {@code nll})
     * @param prefix         the part every option's completion shares ({@code <answer>} or nothing)
     * @param candidates     the option completions after the prefix (letters, yes/no); empty without options
     * @param referenceIndex index of the reference among the candidates, or -1
     * @param frameWidth     width of the frame the model's box coordinates refer to (grounding)
     * @param frameHeight    height of that frame
     */
    BenchmarkItem(String benchmark, BenchmarkKind kind, BenchmarkRow row, List<Picture> pictures, String text,
                  String reference, String prefix, List<String> candidates, int referenceIndex, int frameWidth,
                  int frameHeight) {
        this.benchmark = benchmark;
        this.kind = kind;
        this.row = row;
        this.pictures = List.copyOf(pictures);
        this.text = text;
        this.reference = reference;
        this.prefix = prefix;
        this.candidates = List.copyOf(candidates);
        this.referenceIndex = referenceIndex;
        this.frameWidth = frameWidth;
        this.frameHeight = frameHeight;
    }

    public String benchmark() {
        return benchmark;
    }

    public BenchmarkKind kind() {
        return kind;
    }

    public BenchmarkRow row() {
        return row;
    }

    public List<Picture> pictures() {
        return pictures;
    }

    /** The model input: the decoded pictures and the question text. */
    public synchronized Prompt prompt() {
        Prompt p = prompt.get();
        if (p == null) {
            List<BufferedImage> images = pictures.stream().map(Picture::image).toList();
            p = new Prompt(images, text);
            prompt = new SoftReference<>(p);
        }
        return p;
    }

    public String text() {
        return text;
    }

    public String reference() {
        return reference;
    }

    public String prefix() {
        return prefix;
    }

    public List<String> candidates() {
        return candidates;
    }

    public int referenceIndex() {
        return referenceIndex;
    }

    public int frameWidth() {
        return frameWidth;
    }

    public int frameHeight() {
        return frameHeight;
    }

    /** Width of the first picture, the one boxes refer to (1 without pictures). */
    public int imageWidth() {
        return pictures.isEmpty() ? 1 : pictures.get(0).width();
    }

    public int imageHeight() {
        return pictures.isEmpty() ? 1 : pictures.get(0).height();
    }

    @Override
    public String toString() {
        return benchmark + "/" + row.id() + " (line " + row.line() + ")";
    }
}
