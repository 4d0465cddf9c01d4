package org.tessera.engine.jigsaw;

import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.VisionLanguageModel;

/**
 * How a jigsaw prompt is worded, chosen by the model that reads it: the built-in model's word-level tokenizer knows
 * only its world's closed vocabulary, written lowercase with punctuation as separate words ({@code WORLD}); a
 * Hugging Face model's subword tokenizer reads ordinary English, and real models were tuned on instructions that
 * name the output format ({@code NATURAL}). The answer format is the same for both.
 */
public enum PromptWording {
    WORLD,
    NATURAL;

    public static PromptWording of(TextTokenizer tokenizer) {
        return tokenizer.closedVocabulary() ? WORLD : NATURAL;
    }

    public static PromptWording of(VisionLanguageModel model) {
        return of(model.tokenizer());
    }
}
