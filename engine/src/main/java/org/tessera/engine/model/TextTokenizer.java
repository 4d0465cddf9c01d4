package org.tessera.engine.model;

/** Maps text to token ids and back. Every string is encodable (unknown words fall back to characters). */
public interface TextTokenizer {
    int[] encode(String text);

    String decode(int[] ids);

    int vocabSize();

    int bosId();

    int eosId();

    int padId();

    /** Token text of one id (for display in the workbench's token views). */
    String tokenText(int id);

    /**
     * True for a word-level tokenizer over a closed vocabulary (the built-in model's), which reads only text written
     * the way its world writes; false for subword tokenizers, which read any text.
     */
    default boolean closedVocabulary() {
        return false;
    }
}
