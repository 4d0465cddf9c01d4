package org.tessera.engine.model.tiny;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.tessera.engine.model.Prompt;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores several completions that share a prefix, per prompt (likelihood-ranked multiple choice): the prompt
 * and prefix run once with a KV cache (which also scores the prefix's tokens), then all continuations of all
 * prompts are teacher-forced through the cache one column at a time. Scoring each candidate as a whole sequence cost the retained-knowledge suite
 * more than half again its time; this costs one prefill per question plus a few single-column steps.
 */
final class TinyContinuationScorer {
    private final TinyVlmConfig c;
    private final TinyTokenizer tok;
    private final TinyVlmNetwork net;
    private final BatchEncoder encoder;
    private final NDManager parent;
    private final int maxRows;

    TinyContinuationScorer(TinyVlmConfig c, TinyTokenizer tok, TinyVlmNetwork net, BatchEncoder encoder,
                           NDManager parent, int maxRows) {
        this.c = c;
        this.tok = tok;
        this.net = net;
        this.encoder = encoder;
        this.parent = parent;
        this.maxRows = maxRows;
    }

    List<double[]> score(List<Prompt> prompts, List<String> prefixes, List<List<String>> continuations) {
        int k = 1;
        for (List<String> cs : continuations) {
            k = Math.max(k, cs.size());
        }
        int perChunk = Math.max(1, maxRows / k);
        List<double[]> out = new ArrayList<>(prompts.size());
        for (int from = 0; from < prompts.size(); from += perChunk) {
            int to = Math.min(prompts.size(), from + perChunk);
            out.addAll(chunk(prompts.subList(from, to), prefixes.subList(from, to), continuations.subList(from, to), k));
        }
        return out;
    }

    private List<double[]> chunk(List<Prompt> prompts, List<String> prefixes, List<List<String>> conts, int k) {
        int n = prompts.size();
        int rows = n * k;
        int vocab = c.vocabSize();
        List<int[]> prefixTokens = new ArrayList<>(n);
        for (String p : prefixes) {
            prefixTokens.add(tok.encode(p));
        }
        int[][] cont = new int[rows][];
        int maxLen = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                int[] t = new int[0];
                if (j < conts.get(i).size()) {
                    int[] body = tok.encode(conts.get(i).get(j));
                    t = java.util.Arrays.copyOf(body, body.length + 1);
                    t[body.length] = tok.eosId();
                }
                cont[i * k + j] = t;
                maxLen = Math.max(maxLen, t.length);
            }
        }
        double[] sums = new double[rows];
        try (NDManager g = parent.newSubManager()) {
            EncodedBatch batch = encoder.encodePromptsWithSuffix(prompts, prefixTokens);
            if (batch.textLength() + maxLen > c.maxTextPositions()) {
                throw new IllegalArgumentException("prompt, prefix and continuation exceed the model's "
                        + "max_text_positions " + c.maxTextPositions());
            }
            int imageTokens = batch.numImages() * c.patchesPerImage();
            int promptCols = imageTokens + batch.textLength();
            float[] promptKeyMask = batch.keyMask(c.patchesPerImage());
            int[] promptLen = batch.textLengths();
            float[] first = new float[n * vocab];
            double[] prefixSum = new double[n];
            TinyVlmNetwork.KvCache cache;
            try (NDManager s = g.newSubManager()) {
                TinyVlmNetwork.KvCache c0 = new TinyVlmNetwork.KvCache(c.numLayers());
                NDArray hidden = net.forwardHidden(s, batch, c0);
                // logits of every text column: the prefix's own tokens are scored from the same pass
                int t = batch.textLength();
                float[] all = net.lmHead(hidden).toFloatArray();
                for (int i = 0; i < n; i++) {
                    int[] pre = prefixTokens.get(i);
                    for (int j = 0; j < pre.length; j++) {
                        int col = t - pre.length + j - 1; // the column that predicts prefix token j
                        prefixSum[i] += TinyGenerator.logSoftmaxAt(all, (i * t + col) * vocab, vocab, pre[j]);
                    }
                    System.arraycopy(all, (i * t + t - 1) * vocab, first, i * vocab, vocab);
                }
                cache = c0.expand(g, k, promptCols + maxLen);
            }
            for (int r = 0; r < rows; r++) {
                sums[r] = prefixSum[r / k];
            }
            float[] logits = new float[rows * vocab];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(first, (r / k) * vocab, logits, r * vocab, vocab);
            }
            for (int t = 0; t < maxLen; t++) {
                for (int r = 0; r < rows; r++) {
                    if (t < cont[r].length) {
                        sums[r] += TinyGenerator.logSoftmaxAt(logits, r * vocab, vocab, cont[r][t]);
                    }
                }
                if (t == maxLen - 1) {
                    break;
                }
                long[] next = new long[rows];
                long[] positions = new long[rows];
                int cols = promptCols + t + 1;
                float[] keyMask = new float[rows * cols];
                for (int r = 0; r < rows; r++) {
                    next[r] = t < cont[r].length ? cont[r][t] : tok.padId();
                    positions[r] = promptLen[r / k] + t;
                    System.arraycopy(promptKeyMask, (r / k) * promptCols, keyMask, r * cols, promptCols);
                }
                try (NDManager s = g.newSubManager()) {
                    logits = net.decodeStep(s, next, positions, keyMask, cache).toFloatArray();
                }
            }
        }
        List<double[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double[] v = new double[conts.get(i).size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = sums[i * k + j];
            }
            out.add(v);
        }
        return out;
    }
}
