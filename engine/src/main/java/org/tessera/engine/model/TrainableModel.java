package org.tessera.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.List;
import java.util.Map;

/** What trainers need beyond inference: named parameters and differentiable completion log-probabilities. */
public interface TrainableModel extends VisionLanguageModel {

    /** Trainable parameters by name, in a fixed order. */
    Map<String, NDArray> parameters();

    /** Token ids of a completion text as the model would generate it (no EOS). */
    int[] encodeCompletion(String completion);

    /**
     * Log p(token) of each completion token (EOS appended) given prompt and earlier tokens; arrays live in
     * {@code manager} (a per-step sub-manager).
     */
    TokenLogProbs completionLogProbs(NDManager manager, List<Prompt> prompts, List<int[]> completions,
                                     boolean withEntropy);

    /**
     * As above, with EOS appended only where {@code appendEos[i]}: a sampled completion that hit the token limit
     * has no EOS, and scoring one it never sampled would bias the policy gradient.
     */
    TokenLogProbs completionLogProbs(NDManager manager, List<Prompt> prompts, List<int[]> completions,
                                     boolean[] appendEos, boolean withEntropy);

    /**
     * Full next-token log-distributions (batch, columns, vocab) at every column, with the completion mask
     * (batch, columns): for KL divergences between two models on the same inputs.
     */
    TokenLogProbs completionDistributions(NDManager manager, List<Prompt> prompts, List<int[]> completions);

    /** Copies of the current weights in Java memory (for checkpoints and reference models). */
    Map<String, HostTensor> weightsSnapshot();

    /** Overwrites the weights in place (e.g. restoring the last good checkpoint). */
    void loadWeights(Map<String, HostTensor> weights);
}
