package org.tessera.engine.world;

/**
 * How the model did on one suite item, for views that show individual answers.
 *
 * @param generated      the greedy generation's text
 * @param parsedAnswer   the first answer in it, or null
 * @param correct        exact match
 * @param wellFormed     follows the family's format
 * @param choiceCorrect  the reference ranks strictly first by summed log-probability
 * @param candidateLogProbs summed log-probability of each of the item's candidate completions, in candidate order
 * @param referenceNll   mean per-token NLL of the reference target
 */
public record ItemOutcome(KnowledgeItem item, String generated, String parsedAnswer, boolean correct,
                          boolean wellFormed, boolean choiceCorrect, double[] candidateLogProbs, double referenceNll) {
}
