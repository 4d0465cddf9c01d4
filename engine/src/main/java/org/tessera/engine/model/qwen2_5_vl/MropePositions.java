package org.tessera.engine.model.qwen2_5_vl;

import java.util.List;

/**
 * M-RoPE position ids of one token sequence, as transformers' {@code get_rope_index} derives them: a text token
 * has t = h = w = its running index; the tokens of an image get t (0 for a still image), h and w from their place
 * in the merged grid, offset by the running index where the image starts; text after an image continues from the
 * largest position so far + 1. Generated tokens continue from there: position of column i = i + {@code delta}.
 */
public final class MropePositions {
    /** (3, length) positions: rows t, h, w. */
    private final long[][] ids;
    private final long next;

    private MropePositions(long[][] ids, long next) {
        this.ids = ids;
        this.next = next;
    }

    /**
     * @param tokens     the sequence (image pads expanded)
     * @param imageToken the id of {@code <|image_pad|>}
     * @param grids      (t, h, w) in patches of each image, in order of appearance
     * @param merge      spatial merge size (2)
     */
    public static MropePositions of(int[] tokens, int imageToken, List<int[]> grids, int merge) {
        return of(tokens, imageToken, grids, merge, RopeIndex.MULTIMODAL);
    }

    public static MropePositions of(int[] tokens, int imageToken, List<int[]> grids, int merge, RopeIndex mode) {
        long[][] pos = new long[3][tokens.length];
        if (mode == RopeIndex.SEQUENTIAL) {
            for (int i = 0; i < tokens.length; i++) {
                pos[0][i] = pos[1][i] = pos[2][i] = i;
            }
            return new MropePositions(pos, tokens.length);
        }
        long st = 0; // the running index where the next segment starts
        int image = 0;
        int i = 0;
        while (i < tokens.length) {
            if (tokens[i] != imageToken) {
                for (int d = 0; d < 3; d++) {
                    pos[d][i] = st;
                }
                st++;
                i++;
                continue;
            }
            if (image >= grids.size()) {
                throw new IllegalArgumentException("more image token runs than images");
            }
            int[] g = grids.get(image++);
            int lh = g[1] / merge;
            int lw = g[2] / merge;
            long max = st;
            for (int t = 0; t < g[0]; t++) {
                for (int h = 0; h < lh; h++) {
                    for (int w = 0; w < lw; w++) {
                        if (i >= tokens.length || tokens[i] != imageToken) {
                            throw new IllegalArgumentException("image " + image + " needs " + g[0] * lh * lw
                                    + " image tokens in a row");
                        }
                        // still images: the temporal index is 0 (seconds per grid step x tokens per second = 0)
                        pos[0][i] = st;
                        pos[1][i] = st + h;
                        pos[2][i] = st + w;
                        max = Math.max(max, Math.max(st + h, st + w));
                        i++;
                    }
                }
            }
            st = max + 1;
        }
        return new MropePositions(pos, st);
    }

    public long[][] ids() {
        return ids;
    }

    public int length() {
        return ids[0].length;
    }

    /** The position of the first token after the sequence (the same in t, h and w). */
    public long next() {
        return next;
    }
}
