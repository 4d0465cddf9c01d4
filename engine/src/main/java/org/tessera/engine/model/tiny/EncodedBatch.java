package org.tessera.engine.model.tiny;

/**
 * A batch laid out for the tiny model, as Java arrays: {@code numImages} image slots of patch vectors, then
 * {@code textLength} text columns. Pads may stand anywhere in the text (left for generation prompts, right for
 * teacher forcing); {@code textValid} marks real tokens and {@code positions} counts real tokens before each
 * column, so the layout never changes what the model computes.
 *
 * @param targets    for teacher forcing: the token each text column should predict (next token), else null
 * @param targetMask 1 where a target is a completion token to score (EOS included), else 0; null if no targets
 */
public record EncodedBatch(int batch, int numImages, float[] patches, boolean[] imageValid, int textLength,
                           long[] tokens, long[] positions, boolean[] textValid, long[] targets, float[] targetMask) {

    /** Additive attention mask (batch, 1, S, S) with S = image tokens + text columns. */
    public float[] attentionMask(int patchesPerImage) {
        int imageTokens = numImages * patchesPerImage;
        int s = imageTokens + textLength;
        float[] mask = new float[batch * s * s];
        float blocked = TinyVlmNetwork.MASKED;
        for (int b = 0; b < batch; b++) {
            int base = b * s * s;
            for (int q = 0; q < s; q++) {
                boolean qImage = q < imageTokens;
                for (int k = 0; k < s; k++) {
                    boolean allowed;
                    if (k < imageTokens) {
                        allowed = imageValid[b * numImages + k / patchesPerImage];
                        // images see each other (bidirectional); text sees every valid image token
                    } else {
                        int kc = k - imageTokens;
                        allowed = !qImage && textValid[b * textLength + kc] && kc <= q - imageTokens;
                    }
                    if (q == k) {
                        allowed = true; // a padded query still needs one key, or softmax gives NaN
                    }
                    mask[base + q * s + k] = allowed ? 0f : blocked;
                }
            }
        }
        return mask;
    }

    /**
     * Additive key mask (batch x columns) over the image and text columns, for decoding steps that attend to a
     * cached prompt: 0 where a column holds a real image patch or token, masked where it is padding.
     */
    public float[] keyMask(int patchesPerImage) {
        int imageTokens = numImages * patchesPerImage;
        int cols = imageTokens + textLength;
        float[] mask = new float[batch * cols];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < cols; k++) {
                boolean v = k < imageTokens ? imageValid[i * numImages + k / patchesPerImage]
                        : textValid[i * textLength + k - imageTokens];
                mask[i * cols + k] = v ? 0f : TinyVlmNetwork.MASKED;
            }
        }
        return mask;
    }

    /** Real (non-pad) text tokens of each row: the position the next token of that row takes. */
    public int[] textLengths() {
        int[] len = new int[batch];
        for (int i = 0; i < batch; i++) {
            for (int k = 0; k < textLength; k++) {
                len[i] += textValid[i * textLength + k] ? 1 : 0;
            }
        }
        return len;
    }
}
