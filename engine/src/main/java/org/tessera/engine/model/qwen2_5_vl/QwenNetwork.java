package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch of token sequences through the whole model: the images of the batch through the vision tower (grouped
 * by grid), their embeddings put in place of the image pads, M-RoPE positions, left padding with a causal key mask,
 * the decoder. The caller owns {@code m} (a per-step sub-manager).
 */
final class QwenNetwork {
    private final QwenVlConfig c;
    private final QwenVisionTower vision;
    private final QwenDecoder decoder;
    private RopeIndex ropeIndex = RopeIndex.MULTIMODAL;

    QwenNetwork(QwenVlConfig config, QwenVlWeights weights) {
        this.c = config;
        this.vision = new QwenVisionTower(config, weights);
        this.decoder = new QwenDecoder(config, weights);
    }

    void ropeIndex(RopeIndex mode) {
        this.ropeIndex = mode;
    }

    QwenDecoder decoder() {
        return decoder;
    }

    /** The result of a full forward pass. */
    record Forward(NDArray hidden, int columns, int[] padding, long[] nextPosition) {
    }

    /**
     * Embeddings of every image of the sequences, (images' tokens, hidden), image after image in order of
     * appearance (row by row).
     */
    NDArray imageEmbeddings(NDManager m, List<QwenSequence> seqs) {
        List<QwenImageProcessor.Processed> images = new ArrayList<>();
        seqs.forEach(s -> images.addAll(s.images()));
        if (images.isEmpty()) {
            return null;
        }
        Map<String, List<Integer>> byGrid = new LinkedHashMap<>();
        for (int i = 0; i < images.size(); i++) {
            QwenImageProcessor.Processed p = images.get(i);
            byGrid.computeIfAbsent(p.gridT() + "x" + p.gridH() + "x" + p.gridW(), k -> new ArrayList<>()).add(i);
        }
        NDArray[] perImage = new NDArray[images.size()];
        for (List<Integer> group : byGrid.values()) {
            QwenImageProcessor.Processed first = images.get(group.get(0));
            int len = first.pixels().length;
            float[] pixels = new float[len * group.size()];
            for (int g = 0; g < group.size(); g++) {
                System.arraycopy(images.get(group.get(g)).pixels(), 0, pixels, g * len, len);
            }
            NDArray out = vision.forward(m, pixels, group.size(), first.gridT(), first.gridH(), first.gridW());
            for (int g = 0; g < group.size(); g++) {
                perImage[group.get(g)] = out.get(g);
            }
        }
        return perImage.length == 1 ? perImage[0] : NDArrays.concat(new NDList(perImage), 0);
    }

    /** Full teacher-forced forward of left-padded sequences; {@code fill} receives the keys and values. */
    Forward forward(NDManager m, List<QwenSequence> seqs, QwenDecoder.KvCache fill) {
        int rows = seqs.size();
        int cols = seqs.stream().mapToInt(QwenSequence::length).max().orElse(0);
        long[] tokens = new long[rows * cols];
        long[][] pos = new long[3][rows * cols];
        float[] mask = new float[rows * cols * cols];
        int[] padding = new int[rows];
        long[] next = new long[rows];
        long[] gather = new long[rows * cols];
        int imageOffset = rows * cols;
        boolean anyImage = false;
        for (int r = 0; r < rows; r++) {
            QwenSequence s = seqs.get(r);
            int[] t = s.tokens();
            int pad = cols - t.length;
            padding[r] = pad;
            List<int[]> grids = new ArrayList<>();
            for (QwenImageProcessor.Processed p : s.images()) {
                grids.add(new int[] {p.gridT(), p.gridH(), p.gridW()});
            }
            MropePositions mp = MropePositions.of(t, c.imageTokenId(), grids, c.mergeSize(), ropeIndex);
            next[r] = mp.next();
            Arrays.fill(tokens, r * cols, r * cols + pad, c.eosTokenId());
            for (int j = 0; j < cols; j++) {
                int flat = r * cols + j;
                gather[flat] = flat;
                if (j >= pad) {
                    int id = t[j - pad];
                    tokens[flat] = id;
                    for (int d = 0; d < 3; d++) {
                        pos[d][flat] = mp.ids()[d][j - pad];
                    }
                    if (id == c.imageTokenId()) {
                        gather[flat] = imageOffset++;
                        anyImage = true;
                    }
                }
                for (int k = 0; k < cols; k++) {
                    mask[(r * cols + j) * cols + k] = k >= pad && k <= j ? 0f : QwenOps.MASKED;
                }
            }
        }
        NDArray x = decoder.embed(m, tokens, rows, cols);
        if (anyImage) {
            NDArray img = imageEmbeddings(m, seqs);
            if (img.getShape().get(0) != imageOffset - (long) rows * cols) {
                throw new IllegalArgumentException("the prompts hold " + (imageOffset - rows * cols)
                        + " image tokens but their images give " + img.getShape().get(0));
            }
            NDArray all = NDArrays.concat(new NDList(x.reshape(rows * cols, c.hiddenSize()), img), 0);
            x = all.get(new ai.djl.ndarray.index.NDIndex("{}", m.create(gather))).reshape(rows, cols, c.hiddenSize());
        }
        NDArray[] rope = decoder.rotaryTables(m, pos, rows, cols);
        NDArray maskArray = m.create(mask, new Shape(rows, 1, cols, cols));
        NDArray hidden = decoder.forward(x, rope, maskArray, null, fill);
        return new Forward(hidden, cols, padding, next);
    }
}
