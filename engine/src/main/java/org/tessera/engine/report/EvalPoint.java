package org.tessera.engine.report;

import java.util.Map;

/**
 * One evaluation event of a run's metrics.jsonl, as the report uses it. A number the event lacks is NaN.
 *
 * @param familyAccuracy retained-knowledge accuracy per family, in the file's order
 */
public record EvalPoint(long step, double wallSeconds, double jigsawExact, double jigsawHit, double knowledgeAverage,
                        Map<String, Double> familyAccuracy, double klTask, double klKnowledge) {
}
