package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.model.ModelLoadException;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Qwen2-VL's image processor: {@code smart_resize} to sides that are multiples of patch x merge (28) with the pixel
 * count between min_pixels and max_pixels, rescale to [0, 1], CLIP normalisation, and flattening into patches of
 * channel x temporal (the image repeated twice) x 14 x 14, listed in merge-window order (the 2 x 2 patches of one
 * language-model token next to each other). An image whose sides are already multiples of 28 and within the limits
 * is not resized, so its pixels match transformers exactly; other images are resized bicubically with Java2D, close
 * to but not bit-identical with the reference's resampler.
 */
public final class QwenImageProcessor {
    /** One processed image: {@code patches} x {@code patchDim} values and its grid (t, h, w) in patches. */
    public record Processed(float[] pixels, int gridT, int gridH, int gridW) {
        public int patches() {
            return gridT * gridH * gridW;
        }
    }

    private final int patch;
    private final int merge;
    private final int temporal;
    private final long minPixels;
    private final long maxPixels;
    private final float[] mean;
    private final float[] std;
    private final double rescale;

    public QwenImageProcessor(int patch, int merge, int temporal, long minPixels, long maxPixels, float[] mean,
                              float[] std, double rescale) {
        this.patch = patch;
        this.merge = merge;
        this.temporal = temporal;
        this.minPixels = minPixels;
        this.maxPixels = maxPixels;
        this.mean = mean;
        this.std = std;
        this.rescale = rescale;
    }

    /** The defaults of Qwen2-VL's processor, sized by the model config (no preprocessor_config.json). */
    public static QwenImageProcessor defaults(QwenVlConfig c) {
        return new QwenImageProcessor(c.patchSize(), c.mergeSize(), c.temporalPatchSize(), 56L * 56,
                28L * 28 * 1280, new float[] {0.48145466f, 0.4578275f, 0.40821073f},
                new float[] {0.26862954f, 0.26130258f, 0.27577711f}, 1 / 255.0);
    }

    /** Reads {@code preprocessor_config.json} when present, else the defaults. */
    public static QwenImageProcessor load(Path file, QwenVlConfig c) {
        if (!Files.isRegularFile(file)) {
            return defaults(c);
        }
        JsonNode n;
        try {
            n = TesseraJson.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelLoadException(file, "not valid JSON: " + e.getMessage(), e);
        }
        QwenImageProcessor d = defaults(c);
        JsonNode size = n.path("size");
        long min = n.has("min_pixels") ? n.get("min_pixels").asLong() : size.path("shortest_edge").asLong(d.minPixels);
        long max = n.has("max_pixels") ? n.get("max_pixels").asLong() : size.path("longest_edge").asLong(d.maxPixels);
        return new QwenImageProcessor(n.path("patch_size").asInt(d.patch), n.path("merge_size").asInt(d.merge),
                n.path("temporal_patch_size").asInt(d.temporal), min, max, floats(file, n, "image_mean", d.mean),
                floats(file, n, "image_std", d.std), n.path("rescale_factor").asDouble(d.rescale));
    }

    private static float[] floats(Path file, JsonNode n, String field, float[] dflt) {
        JsonNode a = n.get(field);
        if (a == null) {
            return dflt;
        }
        if (!a.isArray() || a.size() != 3) {
            throw new ModelLoadException(file, "field '" + field + "' must be a list of 3 numbers");
        }
        return new float[] {(float) a.get(0).asDouble(), (float) a.get(1).asDouble(), (float) a.get(2).asDouble()};
    }

    /** transformers' {@code smart_resize}: {height, width} as multiples of patch x merge within the pixel limits. */
    public int[] smartResize(int height, int width) {
        int factor = patch * merge;
        if (Math.max(height, width) / (double) Math.min(height, width) > 200) {
            throw new IllegalArgumentException("image aspect ratio over 200: " + width + "x" + height);
        }
        int h = Math.max(factor, (int) Math.round(height / (double) factor) * factor);
        int w = Math.max(factor, (int) Math.round(width / (double) factor) * factor);
        if ((long) h * w > maxPixels) {
            double beta = Math.sqrt((double) height * width / maxPixels);
            h = Math.max(factor, (int) Math.floor(height / beta / factor) * factor);
            w = Math.max(factor, (int) Math.floor(width / beta / factor) * factor);
        } else if ((long) h * w < minPixels) {
            double beta = Math.sqrt((double) minPixels / ((double) height * width));
            h = (int) Math.ceil(height * beta / factor) * factor;
            w = (int) Math.ceil(width * beta / factor) * factor;
        }
        return new int[] {h, w};
    }

    public Processed process(BufferedImage image) {
        int[] hw = smartResize(image.getHeight(), image.getWidth());
        BufferedImage img = hw[0] == image.getHeight() && hw[1] == image.getWidth() ? image
                : resize(image, hw[1], hw[0]);
        int gh = hw[0] / patch;
        int gw = hw[1] / patch;
        int channels = 3;
        int patchDim = channels * temporal * patch * patch;
        float[] plane = normalised(img);
        int height = hw[0];
        int width = hw[1];
        float[] out = new float[gh * gw * patchDim];
        int k = 0;
        for (int bh = 0; bh < gh / merge; bh++) {
            for (int bw = 0; bw < gw / merge; bw++) {
                for (int ih = 0; ih < merge; ih++) {
                    for (int iw = 0; iw < merge; iw++) {
                        int row = (bh * merge + ih) * patch;
                        int col = (bw * merge + iw) * patch;
                        for (int c = 0; c < channels; c++) {
                            for (int t = 0; t < temporal; t++) { // a still image is its own second frame
                                for (int py = 0; py < patch; py++) {
                                    int base = (c * height + row + py) * width + col;
                                    System.arraycopy(plane, base, out, k, patch);
                                    k += patch;
                                }
                            }
                        }
                    }
                }
            }
        }
        return new Processed(out, 1, gh, gw);
    }

    /** (channel, y, x) planes of (pixel * rescale - mean) / std. */
    private float[] normalised(BufferedImage img) {
        int h = img.getHeight();
        int w = img.getWidth();
        int[] rgb = img.getRGB(0, 0, w, h, null, 0, w);
        float[] out = new float[3 * h * w];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int[] ch = {(p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff};
            for (int c = 0; c < 3; c++) {
                out[c * h * w + i] = (float) ((ch[c] * rescale - mean[c]) / std[c]);
            }
        }
        return out;
    }

    private static BufferedImage resize(BufferedImage src, int width, int height) {
        BufferedImage dst = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.drawImage(src, 0, 0, width, height, null);
        g.dispose();
        return dst;
    }

    /** Language-model tokens one processed image takes: its patches / merge^2. */
    public int tokens(Processed p) {
        return p.patches() / (merge * merge);
    }
}
