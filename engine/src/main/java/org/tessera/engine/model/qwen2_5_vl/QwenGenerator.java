package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Sampling with a KV cache: one prefill of the prompts (left-padded), the cache repeated for each prompt's
 * samples, then one decoding step per token for all rows at once. Tokens are chosen on the device (argmax, or the
 * Gumbel-max trick for temperature sampling: argmax(logits / T + Gumbel noise) draws from softmax(logits / T)),
 * so only the chosen ids and their log-probabilities come back to Java each step, not rows x vocabulary logits.
 * Stops at {@code <|im_end|>} or {@code <|endoftext|>}.
 */
final class QwenGenerator {
    /** Rows (prompts x samples) decoded together. */
    static final int MAX_ROWS = 256;

    private final QwenVlConfig c;
    private final QwenTokenizer tokenizer;
    private final QwenNetwork network;
    private final NDManager parent;

    QwenGenerator(QwenVlConfig config, QwenTokenizer tokenizer, QwenNetwork network, NDManager parent) {
        this.c = config;
        this.tokenizer = tokenizer;
        this.network = network;
        this.parent = parent;
    }

    List<List<Generation>> generate(List<QwenSequence> prompts, GenerationOptions o) {
        if (!o.greedy()) {
            Engine.getInstance().setRandomSeed((int) o.seed());
        }
        int n = o.samplesPerPrompt();
        int perChunk = Math.max(1, MAX_ROWS / n);
        List<List<Generation>> out = new ArrayList<>();
        for (int start = 0; start < prompts.size(); start += perChunk) {
            out.addAll(chunk(prompts.subList(start, Math.min(prompts.size(), start + perChunk)), o));
        }
        return out;
    }

    private List<List<Generation>> chunk(List<QwenSequence> prompts, GenerationOptions o) {
        int n = o.samplesPerPrompt();
        int rows = prompts.size() * n;
        int[][] tokens = new int[rows][o.maxNewTokens()];
        int[] count = new int[rows];
        double[] logProb = new double[rows];
        boolean[] done = new boolean[rows];
        try (NDManager chunk = parent.newSubManager()) {
            QwenDecoder.KvCache prefill = new QwenDecoder.KvCache(c.numLayers());
            QwenNetwork.Forward f;
            NDArray logits;
            QwenDecoder.KvCache cache;
            int[] padding = new int[rows];
            long[] next = new long[rows];
            try (NDManager pm = chunk.newSubManager()) {
                f = network.forward(pm, prompts, prefill);
                NDArray last = f.hidden().get(new NDIndex(":, -1, :"));
                logits = network.decoder().logits(last);
                if (n > 1) {
                    logits = logits.repeat(0, n);
                }
                logits.attach(chunk);
                cache = prefill.expand(chunk, n, f.columns() + o.maxNewTokens());
            }
            for (int r = 0; r < rows; r++) {
                padding[r] = f.padding()[r / n];
                next[r] = f.nextPosition()[r / n];
            }
            for (int step = 0; step < o.maxNewTokens(); step++) {
                try (NDManager s = chunk.newSubManager()) {
                    logits.attach(s);
                    NDArray logp = logits.logSoftmax(-1);
                    NDArray choice;
                    if (o.greedy()) {
                        choice = logits.argMax(-1);
                    } else {
                        NDArray u = s.randomUniform(1e-10f, 1f, logits.getShape());
                        NDArray gumbel = u.log().neg().log().neg();
                        choice = logits.div(o.temperature()).add(gumbel).argMax(-1);
                    }
                    NDArray picked = logp.gather(choice.reshape(rows, 1), -1);
                    long[] ids = choice.toType(DataType.INT64, false).toLongArray();
                    float[] lp = picked.toFloatArray();
                    boolean all = true;
                    for (int r = 0; r < rows; r++) {
                        if (done[r]) {
                            continue;
                        }
                        int id = (int) ids[r];
                        logProb[r] += lp[r];
                        if (id == tokenizer.eosId() || id == tokenizer.endOfTextId()) {
                            done[r] = true;
                        } else {
                            tokens[r][count[r]++] = id;
                            all &= count[r] >= o.maxNewTokens();
                        }
                    }
                    if (all || step == o.maxNewTokens() - 1) {
                        break;
                    }
                    logits = decode(s, ids, padding, next, step, cache);
                    logits.attach(chunk);
                }
            }
        }
        List<List<Generation>> out = new ArrayList<>();
        for (int p = 0; p < prompts.size(); p++) {
            List<Generation> g = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int r = p * n + k;
                int[] t = Arrays.copyOf(tokens[r], count[r]);
                g.add(new Generation(tokenizer.decode(t), t, logProb[r], done[r]));
            }
            out.add(g);
        }
        return out;
    }

    /** One step: the chosen tokens in, the next logits (rows, vocab) out. */
    private NDArray decode(NDManager s, long[] ids, int[] padding, long[] next, int step, QwenDecoder.KvCache cache) {
        int rows = ids.length;
        long[][] pos = new long[3][rows];
        for (int r = 0; r < rows; r++) {
            for (int d = 0; d < 3; d++) {
                pos[d][r] = next[r] + step;
            }
        }
        int keys = cache.length + 1;
        float[] mask = new float[rows * keys];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < padding[r]; k++) {
                mask[r * keys + k] = QwenOps.MASKED;
            }
        }
        QwenDecoder d = network.decoder();
        NDArray x = d.embed(s, ids, rows, 1);
        NDArray[] rope = d.rotaryTables(s, pos, rows, 1);
        NDArray hidden = d.forward(x, rope, s.create(mask, new Shape(rows, 1, 1, keys)), cache, null);
        return d.logits(hidden).reshape(rows, c.vocabSize());
    }
}
