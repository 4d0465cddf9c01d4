package org.tessera.engine.model;

/**
 * One generated completion.
 *
 * @param text        decoded text of the generated tokens (without EOS)
 * @param tokens      generated token ids (without EOS)
 * @param logProb     sum of the sampling policy's log-probabilities of the generated tokens (EOS included when
 *                    it was generated), at temperature 1
 * @param stoppedAtEos whether generation ended with EOS rather than at the token limit
 */
public record Generation(String text, int[] tokens, double logProb, boolean stoppedAtEos) {
}
