package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A jigsaw score, serialised as {@code {"suite":"jigsaw","grid":"2x2","exact":..,"hit":..,"format":..,"n":..}}.
 *
 * @param exact  fraction of puzzles answered exactly
 * @param hit    mean fraction of tiles placed right (0 for an answer that is not a valid permutation)
 * @param format fraction of completions with the template's tag structure
 * @param n      number of puzzles
 */
@JsonPropertyOrder({"suite", "grid", "exact", "hit", "format", "n"})
public record JigsawEvalResult(String suite, String grid, double exact, double hit, double format, int n) {
    public static final String SUITE = "jigsaw";
}
