package org.tessera.engine.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;
import java.util.Map;

/**
 * What the influence analysis needs from a model: its trainable parameters and a differentiable sequence
 * log-probability log p(s) of each sample. Kept this small so a two-parameter toy (whose exact behaviour the tests
 * know) and the real vision-language model run through the very same influence code.
 *
 * @param <S> the sample type (a prompt with its completion for the real model)
 */
public interface LogProbModel<S> {

    /** Trainable parameters by name, in a fixed order; each requires gradients. */
    Map<String, NDArray> parameters();

    /**
     * log p(s) of each sample, shape (B,), created in {@code manager}; differentiable when called inside a gradient
     * collector. For a completion this is the sum of its token log-probabilities (EOS included).
     */
    NDArray sequenceLogProbs(NDManager manager, List<S> samples);

    /**
     * ||d log p(s) / d logits|| of each sample: the Euclidean norm, over every scored token position, of
     * {@code e_y - softmax(z)} (the logit-space factor of Ren and Sutherland's decomposition). Used to turn a
     * measured change of log p into a lower bound on the empirical NTK's norm.
     */
    double[] logitResidualNorms(List<S> samples);
}
