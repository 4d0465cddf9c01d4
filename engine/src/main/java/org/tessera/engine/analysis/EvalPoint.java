package org.tessera.engine.analysis;

import java.util.Map;

/**
 * One evaluation event of a run's metrics.jsonl (report, analyze kl).  A number the event lacks is NaN.
 *
 * @param familyAccuracy retained-knowledge accuracy per family, in the file's order
 */
public record EvalPoint(long step, double wallSeconds, double jigsawExact, double jigsawHit, double knowledgeAverage,
                        Map<String, Double> familyAccuracy, double klTask, double klKnowledge) {
}
