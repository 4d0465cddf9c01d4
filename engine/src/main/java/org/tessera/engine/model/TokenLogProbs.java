package org.tessera.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * Teacher-forced log-probabilities of completion tokens, differentiable when computed inside a gradient
 * collector. Arrays are (batch, columns); {@code mask} is 1 on completion tokens (and EOS), 0 elsewhere.
 * From {@code completionDistributions}, {@code logProbs} is the full (batch, columns, vocab) log-softmax.
 *
 * @param entropy per-column entropy of the predictive distribution, or null when not asked for
 */
public record TokenLogProbs(NDArray logProbs, NDArray mask, NDArray entropy) {
}
