package org.tessera.engine.analysis;

import org.tessera.engine.train.TrainingExample;

/**
 * One training sample to analyse.
 *
 * @param kind    data kind: answer-only, teacher-reasoning, rollouts (every logged sample) or rollouts-exact
 * @param step    the GRPO step that logged it (rollouts), else -1
 * @param exact   whether it is a correct answer (always true for answer-only and teacher traces)
 * @param example the prompt and completion as SFT would train on them
 */
public record DataSample(String kind, long step, boolean exact, TrainingExample example) {
}
