package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of rft-then-sft's harvest files (docs/contracts/harvested-rollout.schema.json): an exact completion of a
 * training puzzle, from the GRPO phase's log ({@code harvest.jsonl}) or from sampling the policy at the phase's end
 * ({@code sft-data.jsonl}). The SFT phase trains on them. Written and read through {@link RunEvents}.
 */
@JsonPropertyOrder({"step", "puzzle", "text"})
public record HarvestedRollout(
        @JsonProperty("step") long step,
        @JsonProperty("puzzle") PuzzleRef puzzle,
        @JsonProperty("text") String text) {
}
