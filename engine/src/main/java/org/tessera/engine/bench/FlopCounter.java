package org.tessera.engine.bench;

import org.tessera.engine.model.tiny.TinyVlmConfig;

/** Analytic floating-point operation counts of the tiny model (multiply-add = 2 FLOPs). */
public final class FlopCounter {
    private FlopCounter() {
    }

    /**
     * Forward FLOPs for a batch of {@code batch} sequences with {@code images} images each and {@code text} text
     * columns: the matrix products (projections, MLP, patch embedding and vision MLP, LM head) and attention scores/mixing.
     */
    public static double forward(TinyVlmConfig c, int batch, int images, int text) {
        long d = c.hiddenSize();
        long s = (long) images * c.patchesPerImage() + text;
        double perTokenLayer = 2.0 * (3 * d * d + d * d + 2 * d * c.intermediateSize());
        double attention = 2.0 * 2 * s * s * d; // QK^T and AV, all heads
        double layers = c.numLayers() * (batch * s * perTokenLayer + batch * attention);
        double patchEmbed = 2.0 * batch * images * c.patchesPerImage()
                * (c.patchDim() * d + (c.visionMlp() ? 2 * d * c.intermediateSize() : 0));
        double lmHead = 2.0 * batch * text * d * c.vocabSize();
        return layers + patchEmbed + lmHead;
    }

    /** Forward + backward: the backward pass costs about twice the forward (gradients of inputs and weights). */
    public static double trainingStep(TinyVlmConfig c, int batch, int images, int text) {
        return 3 * forward(c, batch, images, text);
    }
}
