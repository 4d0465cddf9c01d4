package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * What a policy harvest sampled and kept (the {@code harvest} object of a {@link HarvestEvent}): its size, how many
 * puzzles and answers the kept rollouts cover, and their perplexity under the base model next to that of the
 * answer-only targets of the same puzzles (the paper's point: self-rollouts are low-perplexity data).
 *
 * @param answerCounts kept rollouts per answer (the answer's tiles as "1 2 4 3"), in answer order
 */
@JsonPropertyOrder({"puzzles", "samples", "exact_samples", "exact_rate", "puzzles_covered", "kept", "kept_puzzles",
        "distinct_answers", "max_per_answer", "min_per_answer", "answer_counts", "perplexity",
        "perplexity_answer_only"})
public record HarvestStats(
        @JsonProperty("puzzles") int puzzles,
        @JsonProperty("samples") int samples,
        @JsonProperty("exact_samples") int exactSamples,
        @JsonProperty("exact_rate") double exactRate,
        @JsonProperty("puzzles_covered") int puzzlesCovered,
        @JsonProperty("kept") int kept,
        @JsonProperty("kept_puzzles") int keptPuzzles,
        @JsonProperty("distinct_answers") int distinctAnswers,
        @JsonProperty("max_per_answer") int maxPerAnswer,
        @JsonProperty("min_per_answer") int minPerAnswer,
        @JsonProperty("answer_counts") Map<String, Integer> answerCounts,
        @JsonProperty("perplexity") Perplexity perplexity,
        @JsonProperty("perplexity_answer_only") Perplexity perplexityAnswerOnly) {

    /** A distribution of per-sample perplexities under the base model. */
    @JsonPropertyOrder({"median", "mean", "p95"})
    public record Perplexity(
            @JsonProperty("median") double median,
            @JsonProperty("mean") double mean,
            @JsonProperty("p95") double p95) {
    }
}
