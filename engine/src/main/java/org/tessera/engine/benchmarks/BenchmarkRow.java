package org.tessera.engine.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * One valid question of a benchmark, without its pictures (they are decoded only for the rows a subset draws).
 *
 * @param id       the row's index in its file
 * @param line     1-based line the row starts on
 * @param question the question, or for grounding the referring expression
 * @param hint     optional context before the question, or null
 * @param options  letter to option text (multiple choice), else empty
 * @param answers  accepted answers: the letter, "yes"/"no", every accepted short answer, or the box as written
 * @param box      the reference box in pixels of the original picture (grounding), else null
 */
public record BenchmarkRow(String id, int line, String question, String hint, Map<String, String> options,
                           List<String> answers, Box box) {
    public BenchmarkRow {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options)); // letter order
        answers = List.copyOf(answers);
    }

    /** The reference answer: the first accepted one. */
    public String answer() {
        return answers.get(0);
    }
}
