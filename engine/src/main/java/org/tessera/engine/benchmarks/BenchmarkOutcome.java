package org.tessera.engine.benchmarks;

/**
 * How the model did on one benchmark item.
 *
 * @param generated         the greedy generation
 * @param extracted         what the benchmark's extraction read from it (a letter, yes/no, the answer text, the box
 *                          in the original picture's pixels), or null when it read nothing
 * @param score             1/0 for a right/wrong letter, yes/no or box (IoU >= 0.5); the ANLS for short answers
 * @param wellFormed        the answer parsed (and, for a tagged model, came in its answer tags)
 * @param choiceCorrect     the reference option has the strictly highest log-likelihood; false without options
 * @param candidateLogProbs summed log-probability of each option's completion (empty without options)
 * @param referenceNll      mean per-token NLL of the reference completion
 */
public record BenchmarkOutcome(BenchmarkItem item, String generated, String extracted, double score,
                               boolean wellFormed, boolean choiceCorrect, double[] candidateLogProbs,
                               double referenceNll) {
}
