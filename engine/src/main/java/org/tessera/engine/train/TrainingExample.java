package org.tessera.engine.train;

import org.tessera.engine.model.Prompt;

/** One supervised example: the prompt and the completion text the model should produce after it. */
public record TrainingExample(Prompt prompt, String target) {
}
