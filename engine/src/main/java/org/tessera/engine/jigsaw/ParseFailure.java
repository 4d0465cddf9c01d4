package org.tessera.engine.jigsaw;

/**
 * Why a completion's answer is unusable. Checked in this order, the first that applies wins; {@code NONE} means
 * the answer is a permutation of 1..rows*cols.
 */
public enum ParseFailure {
    NONE,
    /** no complete {@code <answer>...</answer>} pair */
    NO_ANSWER_TAG,
    /** an entry that is not a plain decimal number (letters, signs, decimals...) */
    NOT_A_NUMBER,
    /** a number outside 1..rows*cols */
    OUT_OF_RANGE,
    /** too few or too many numbers */
    WRONG_COUNT,
    /** the right count of in-range numbers, but some position is used twice */
    REPEATED_INDEX
}
