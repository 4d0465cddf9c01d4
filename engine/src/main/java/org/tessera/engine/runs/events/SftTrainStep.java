package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An SFT step on one kind of data (answer-only, teacher-reasoning, self-rollouts). */
@JsonPropertyOrder({"step", "event", "phase", "data", "wall_s", "loss", "lr", "grad_norm", "tokens_per_s",
        "samples_per_s", "step_seconds"})
public record SftTrainStep(
        @JsonProperty("step") long step,
        @JsonProperty("data") String data,
        @JsonProperty("wall_s") double wallSeconds,
        @JsonProperty("loss") double loss,
        @JsonProperty("lr") float lr,
        @JsonProperty("grad_norm") double gradNorm,
        @JsonProperty("tokens_per_s") double tokensPerSecond,
        @JsonProperty("samples_per_s") double samplesPerSecond,
        @JsonProperty("step_seconds") double stepSeconds) implements TrainStep {

    @Override
    public String phase() {
        return "sft";
    }
}
