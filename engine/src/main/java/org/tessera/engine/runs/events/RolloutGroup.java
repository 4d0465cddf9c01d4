package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.tessera.engine.jigsaw.RewardBreakdown;

import java.util.List;

/**
 * One line of rollouts.jsonl: the G samples of one GRPO prompt at one step, with their rewards and advantages
 * (docs/contracts/rollout-group.schema.json). Written and read through {@link RunEvents}.
 */
@JsonPropertyOrder({"step", "puzzle", "zero_spread", "samples"})
public record RolloutGroup(
        @JsonProperty("step") long step,
        @JsonProperty("puzzle") PuzzleRef puzzle,
        @JsonProperty("zero_spread") boolean zeroSpread,
        @JsonProperty("samples") List<Sample> samples) {

    public RolloutGroup {
        samples = samples == null ? List.of() : List.copyOf(samples);
    }

    /**
     * One sampled completion.
     *
     * @param answer the parsed arrangement, or null when the text did not parse
     * @param parse  "ok", or why the answer did not parse (jigsaw.ParseFailure)
     */
    @JsonPropertyOrder({"text", "answer", "parse", "reward", "advantage", "exact", "logprob_policy", "logprob_base",
            "tokens"})
    public record Sample(
            @JsonProperty("text") String text,
            @JsonProperty("answer") @JsonInclude(JsonInclude.Include.ALWAYS) int[] answer,
            @JsonProperty("parse") String parse,
            @JsonProperty("reward") RewardBreakdown reward,
            @JsonProperty("advantage") double advantage,
            @JsonProperty("exact") boolean exact,
            @JsonProperty("logprob_policy") Double logprobPolicy,
            @JsonProperty("logprob_base") Double logprobBase,
            @JsonProperty("tokens") int tokens) {

        /** Log-probabilities an old line does not have (or wrote as null) are NaN, never 0. */
        public Sample {
            logprobPolicy = logprobPolicy == null ? Double.NaN : logprobPolicy;
            logprobBase = logprobBase == null ? Double.NaN : logprobBase;
        }
    }
}
