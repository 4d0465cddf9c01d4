package org.tessera.engine.model.tiny;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Batched sampling for the tiny model. With the KV cache, the prompt is run once (prefill) and each new token
 * costs one single-column pass over the cached keys and values; without it every step re-runs the whole
 * sequence (kept for benchmarks and the equality test). Each (prompt, sample) row has its own random stream
 * derived from the seed and the prompt's index, so results do not depend on how prompts are batched.
 */
final class TinyGenerator {
    private final TinyVlmConfig c;
    private final TinyTokenizer tok;
    private final TinyVlmNetwork net;
    private final BatchEncoder encoder;
    private final NDManager parent;
    private final int maxRows;

    TinyGenerator(TinyVlmConfig c, TinyTokenizer tok, TinyVlmNetwork net, BatchEncoder encoder, NDManager parent,
                  int maxRows) {
        this.c = c;
        this.tok = tok;
        this.net = net;
        this.encoder = encoder;
        this.parent = parent;
        this.maxRows = maxRows;
    }

    List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions o, Consumer<float[]> stepLogits) {
        int n = o.samplesPerPrompt();
        int perChunk = Math.max(1, maxRows / n);
        List<List<Generation>> out = new ArrayList<>(prompts.size());
        for (int start = 0; start < prompts.size(); start += perChunk) {
            List<Prompt> chunk = prompts.subList(start, Math.min(prompts.size(), start + perChunk));
            out.addAll(generateChunk(chunk, start, o, stepLogits));
        }
        return out;
    }

    private List<List<Generation>> generateChunk(List<Prompt> prompts, int firstIndex, GenerationOptions o,
                                                 Consumer<float[]> stepLogits) {
        int n = o.samplesPerPrompt();
        int b = prompts.size();
        int rows = b * n;
        int vocab = c.vocabSize();
        int maxNew = Math.min(o.maxNewTokens(), c.maxTextPositions());
        try (NDManager g = parent.newSubManager()) {
            EncodedBatch batch = encoder.encodePrompts(prompts);
            int imageTokens = batch.numImages() * c.patchesPerImage();
            int promptCols = imageTokens + batch.textLength();
            if (batch.textLength() + maxNew > c.maxTextPositions()) {
                maxNew = c.maxTextPositions() - batch.textLength();
                if (maxNew < 1) {
                    throw new IllegalArgumentException("prompt of " + batch.textLength()
                            + " tokens leaves no room to generate (max_text_positions " + c.maxTextPositions() + ")");
                }
            }
            float[] promptKeyMask = batch.keyMask(c.patchesPerImage());
            int[] promptLen = batch.textLengths();
            float[] promptLogits;
            TinyVlmNetwork.KvCache cache = null;
            try (NDManager s = g.newSubManager()) {
                TinyVlmNetwork.KvCache c0 = o.useKvCache() ? new TinyVlmNetwork.KvCache(c.numLayers()) : null;
                NDArray hidden = net.forwardHidden(s, batch, c0);
                NDArray last = hidden.get(":, -1, :");
                promptLogits = net.lmHead(last).toFloatArray();
                if (c0 != null) {
                    cache = c0.expand(g, n, promptCols + maxNew);
                }
            }
            float[] logits = new float[rows * vocab];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(promptLogits, (r / n) * vocab, logits, r * vocab, vocab);
            }
            SplittableRandom[] rng = new SplittableRandom[rows];
            for (int r = 0; r < rows; r++) {
                rng[r] = new SplittableRandom(mix(o.seed(), firstIndex + r / n, r % n));
            }
            int[][] gen = new int[rows][maxNew];
            int[] len = new int[rows];
            double[] logProb = new double[rows];
            boolean[] done = new boolean[rows];
            boolean[] eos = new boolean[rows];
            long[] lastToken = new long[rows];
            // Rows still in the KV cache, as original row ids: logits row j belongs to row active[j]. Rows that have
            // finished are dropped from the cache once they are a quarter of it (only when no observer wants every
            // row's logits), so later steps stop paying for them.
            int[] active = new int[rows];
            for (int r = 0; r < rows; r++) {
                active[r] = r;
            }
            for (int step = 0; step < maxNew; step++) {
                if (stepLogits != null) {
                    stepLogits.accept(logits.clone());
                }
                boolean allDone = true;
                for (int j = 0; j < active.length; j++) {
                    int r = active[j];
                    if (done[r]) {
                        lastToken[r] = tok.padId();
                        continue;
                    }
                    int t = o.greedy() ? argMax(logits, j * vocab, vocab)
                            : sample(logits, j * vocab, vocab, o.temperature(), rng[r]);
                    logProb[r] += logSoftmaxAt(logits, j * vocab, vocab, t);
                    lastToken[r] = t;
                    if (t == tok.eosId()) {
                        done[r] = true;
                        eos[r] = true;
                    } else {
                        gen[r][len[r]++] = t;
                        if (len[r] == maxNew) {
                            done[r] = true;
                        }
                    }
                    allDone &= done[r];
                }
                if (allDone || step == maxNew - 1) {
                    break;
                }
                if (cache != null && stepLogits == null) {
                    active = compact(cache, active, done, g);
                }
                int cur = active.length;
                long[] positions = new long[cur];
                long[] tokens = new long[cur];
                for (int j = 0; j < cur; j++) {
                    positions[j] = promptLen[active[j] / n] + step;
                    tokens[j] = lastToken[active[j]];
                }
                try (NDManager s = g.newSubManager()) {
                    if (cache != null) {
                        int cols = promptCols + step + 1;
                        float[] keyMask = new float[cur * cols];
                        for (int j = 0; j < cur; j++) {
                            System.arraycopy(promptKeyMask, (active[j] / n) * promptCols, keyMask, j * cols,
                                    promptCols);
                        }
                        logits = net.decodeStep(s, tokens, positions, keyMask, cache).toFloatArray();
                    } else {
                        logits = fullStep(s, batch, n, gen, lastToken, len, step, promptLen);
                    }
                }
            }
            List<List<Generation>> out = new ArrayList<>(b);
            for (int i = 0; i < b; i++) {
                List<Generation> samples = new ArrayList<>(n);
                for (int j = 0; j < n; j++) {
                    int r = i * n + j;
                    int[] ids = Arrays.copyOf(gen[r], len[r]);
                    samples.add(new Generation(tok.decode(ids), ids, logProb[r], eos[r]));
                }
                out.add(samples);
            }
            return out;
        }
    }

    /**
     * Drops finished rows from the cache when they are at least a quarter of it (and at least 8 rows: an index-select
     * of every layer's keys and values costs about as much as a few decoding steps). Returns the rows kept.
     */
    private static int[] compact(TinyVlmNetwork.KvCache cache, int[] active, boolean[] done, NDManager g) {
        int alive = 0;
        for (int r : active) {
            alive += done[r] ? 0 : 1;
        }
        int finished = active.length - alive;
        if (alive == 0 || finished < 8 || finished * 4 < active.length) {
            return active;
        }
        long[] keep = new long[alive];
        int[] kept = new int[alive];
        for (int j = 0, k = 0; j < active.length; j++) {
            if (!done[active[j]]) {
                keep[k] = j;
                kept[k++] = active[j];
            }
        }
        cache.keepRows(g, keep);
        return kept;
    }

    /** Re-runs prompt + everything generated so far (no cache) and returns the last column's logits. */
    private float[] fullStep(NDManager s, EncodedBatch batch, int n, int[][] gen, long[] lastToken, int[] len,
                             int step, int[] promptLen) {
        int rows = batch.batch() * n;
        int pt = batch.textLength();
        int t = pt + step + 1;
        long[] tokens = new long[rows * t];
        long[] positions = new long[rows * t];
        boolean[] valid = new boolean[rows * t];
        int per = c.patchesPerImage() * c.patchDim();
        float[] patches = new float[rows * batch.numImages() * per];
        boolean[] imageValid = new boolean[rows * batch.numImages()];
        for (int r = 0; r < rows; r++) {
            int i = r / n;
            System.arraycopy(batch.tokens(), i * pt, tokens, r * t, pt);
            System.arraycopy(batch.positions(), i * pt, positions, r * t, pt);
            System.arraycopy(batch.textValid(), i * pt, valid, r * t, pt);
            System.arraycopy(batch.patches(), i * batch.numImages() * per, patches, r * batch.numImages() * per,
                    batch.numImages() * per);
            System.arraycopy(batch.imageValid(), i * batch.numImages(), imageValid, r * batch.numImages(),
                    batch.numImages());
            for (int j = 0; j <= step; j++) {
                int idx = r * t + pt + j;
                // columns generated so far: tokens kept in gen[], or pads after the row finished
                tokens[idx] = j < len[r] ? gen[r][j] : (j == step ? lastToken[r] : tok.padId());
                positions[idx] = promptLen[i] + j;
                valid[idx] = true;
            }
        }
        EncodedBatch full = new EncodedBatch(rows, batch.numImages(), patches, imageValid, t, tokens, positions,
                valid, null, null);
        NDArray hidden = net.forwardHidden(s, full, null);
        return net.lmHead(hidden.get(":, -1, :")).toFloatArray();
    }

    static long mix(long seed, long prompt, long sample) {
        long z = seed * 0x9E3779B97F4A7C15L + prompt * 0xBF58476D1CE4E5B9L + sample * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static int argMax(float[] a, int off, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (a[off + i] > a[off + best]) {
                best = i;
            }
        }
        return best;
    }

    static double logSoftmaxAt(float[] a, int off, int n, int idx) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += Math.exp(a[off + i] - max);
        }
        return a[off + idx] - max - Math.log(sum);
    }

    static int sample(float[] a, int off, int n, float temperature, SplittableRandom rng) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, a[off + i]);
        }
        double[] p = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            p[i] = Math.exp((a[off + i] - max) / temperature);
            sum += p[i];
        }
        double u = rng.nextDouble() * sum;
        for (int i = 0; i < n; i++) {
            u -= p[i];
            if (u <= 0) {
                return i;
            }
        }
        return n - 1;
    }
}
