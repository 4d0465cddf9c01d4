package org.tessera.engine.model.tiny;

import org.tessera.engine.model.Prompt;

import java.awt.image.BufferedImage;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays prompts (and optionally completions) out as an {@link EncodedBatch} with the tiny model's chat template:
 * image slots, then {@code <bos> prompt <sep> completion <eos>}.
 */
public final class BatchEncoder {
    private final TinyVlmConfig config;
    private final TinyTokenizer tokenizer;

    public BatchEncoder(TinyVlmConfig config, TinyTokenizer tokenizer) {
        this.config = config;
        this.tokenizer = tokenizer;
    }

    /** Text tokens of a prompt: {@code <bos> text <sep>}. */
    public int[] promptTokens(Prompt p) {
        int[] body = tokenizer.encode(p.text());
        int[] out = new int[body.length + 2];
        out[0] = tokenizer.bosId();
        System.arraycopy(body, 0, out, 1, body.length);
        out[out.length - 1] = tokenizer.sepId();
        return out;
    }

    /** Prompts only, left-padded so every prompt ends in the last column (for generation). */
    public EncodedBatch encodePrompts(List<Prompt> prompts) {
        return encodePromptsWithSuffix(prompts, null);
    }

    /**
     * Prompts each followed by the given completion tokens (a shared prefix of several continuations), left-padded
     * so every row ends in the last column; {@code suffixes} may be null for none.
     */
    public EncodedBatch encodePromptsWithSuffix(List<Prompt> prompts, List<int[]> suffixes) {
        int n = prompts.size();
        int[][] toks = new int[n][];
        int t = 0;
        for (int i = 0; i < n; i++) {
            int[] p = promptTokens(prompts.get(i));
            int[] x = suffixes == null ? new int[0] : suffixes.get(i);
            toks[i] = java.util.Arrays.copyOf(p, p.length + x.length);
            System.arraycopy(x, 0, toks[i], p.length, x.length);
            t = Math.max(t, toks[i].length);
        }
        checkLength(t);
        long[] tokens = new long[n * t];
        long[] positions = new long[n * t];
        boolean[] valid = new boolean[n * t];
        for (int i = 0; i < n; i++) {
            int pad = t - toks[i].length;
            for (int j = 0; j < t; j++) {
                int idx = i * t + j;
                if (j < pad) {
                    tokens[idx] = tokenizer.padId();
                } else {
                    tokens[idx] = toks[i][j - pad];
                    valid[idx] = true;
                    positions[idx] = j - pad;
                }
            }
        }
        return withImages(prompts, t, tokens, positions, valid, null, null);
    }

    /**
     * Prompt + completion (+ EOS), right-padded, with next-token targets and a mask that selects the completion
     * tokens and EOS: what SFT trains on and what scoring sums.
     */
    public EncodedBatch encodeCompletions(List<Prompt> prompts, List<int[]> completions, boolean appendEos) {
        boolean[] eos = new boolean[prompts.size()];
        java.util.Arrays.fill(eos, appendEos);
        return encodeCompletions(prompts, completions, eos);
    }

    /** As above, with EOS appended per row. */
    public EncodedBatch encodeCompletions(List<Prompt> prompts, List<int[]> completions, boolean[] appendEos) {
        int n = prompts.size();
        if (completions.size() != n) {
            throw new IllegalArgumentException(n + " prompts but " + completions.size() + " completions");
        }
        int[][] seq = new int[n][];
        int[] promptLen = new int[n];
        int t = 0;
        for (int i = 0; i < n; i++) {
            int[] p = promptTokens(prompts.get(i));
            int[] c = completions.get(i);
            int len = p.length + c.length + (appendEos[i] ? 1 : 0);
            seq[i] = new int[len];
            System.arraycopy(p, 0, seq[i], 0, p.length);
            System.arraycopy(c, 0, seq[i], p.length, c.length);
            if (appendEos[i]) {
                seq[i][len - 1] = tokenizer.eosId();
            }
            promptLen[i] = p.length;
            t = Math.max(t, len);
        }
        checkLength(t);
        long[] tokens = new long[n * t];
        long[] positions = new long[n * t];
        boolean[] valid = new boolean[n * t];
        long[] targets = new long[n * t];
        float[] mask = new float[n * t];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < t; j++) {
                int idx = i * t + j;
                if (j < seq[i].length) {
                    tokens[idx] = seq[i][j];
                    valid[idx] = true;
                    positions[idx] = j;
                    if (j + 1 < seq[i].length) {
                        targets[idx] = seq[i][j + 1];
                        mask[idx] = j + 1 >= promptLen[i] ? 1f : 0f;
                    }
                } else {
                    tokens[idx] = tokenizer.padId();
                }
            }
        }
        return withImages(prompts, t, tokens, positions, valid, targets, mask);
    }

    private void checkLength(int t) {
        if (t > config.maxTextPositions()) {
            throw new IllegalArgumentException("text of " + t + " tokens exceeds the model's max_text_positions "
                    + config.maxTextPositions());
        }
    }

    private EncodedBatch withImages(List<Prompt> prompts, int t, long[] tokens, long[] positions, boolean[] valid,
                                    long[] targets, float[] mask) {
        int n = prompts.size();
        int numImages = 0;
        for (Prompt p : prompts) {
            numImages = Math.max(numImages, p.images().size());
        }
        if (numImages > config.maxImages()) {
            throw new IllegalArgumentException("a prompt has " + numImages + " images; the model takes at most "
                    + config.maxImages());
        }
        int per = config.patchesPerImage() * config.patchDim();
        float[] patches = new float[n * numImages * per];
        boolean[] imageValid = new boolean[n * numImages];
        Map<BufferedImage, Integer> seen = new IdentityHashMap<>(); // same image in several rows: encode once
        for (int i = 0; i < n; i++) {
            List<BufferedImage> imgs = prompts.get(i).images();
            for (int j = 0; j < imgs.size(); j++) {
                int slot = i * numImages + j;
                Integer prev = seen.get(imgs.get(j));
                if (prev != null) {
                    System.arraycopy(patches, prev * per, patches, slot * per, per);
                } else {
                    ImagePatches.write(imgs.get(j), config, patches, slot * per);
                    seen.put(imgs.get(j), slot);
                }
                imageValid[slot] = true;
            }
        }
        return new EncodedBatch(n, numImages, patches, imageValid, t, tokens, positions, valid, targets, mask);
    }
}
