package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A GRPO step: the loss and the group statistics that say whether the rewards taught anything. */
@JsonPropertyOrder({"step", "event", "phase", "wall_s", "loss", "lr", "grad_norm", "reward_mean", "reward_std",
        "zero_spread_fraction", "kl", "entropy", "completion_length", "tokens_per_s", "train_exact", "step_seconds",
        "seconds"})
public record GrpoTrainStep(
        @JsonProperty("step") long step,
        @JsonProperty("wall_s") double wallSeconds,
        @JsonProperty("loss") double loss,
        @JsonProperty("lr") float lr,
        @JsonProperty("grad_norm") double gradNorm,
        @JsonProperty("reward_mean") double rewardMean,
        @JsonProperty("reward_std") double rewardStd,
        @JsonProperty("zero_spread_fraction") double zeroSpreadFraction,
        @JsonProperty("kl") double kl,
        @JsonProperty("entropy") double entropy,
        @JsonProperty("completion_length") double completionLength,
        @JsonProperty("tokens_per_s") double tokensPerSecond,
        @JsonProperty("train_exact") double trainExact,
        @JsonProperty("step_seconds") double stepSeconds,
        @JsonProperty("seconds") Seconds seconds) implements TrainStep {

    /** Where the step's time went. */
    @JsonPropertyOrder({"sampling", "reference", "forward_backward", "optimizer"})
    public record Seconds(@JsonProperty("sampling") double sampling, @JsonProperty("reference") double reference,
                          @JsonProperty("forward_backward") double forwardBackward,
                          @JsonProperty("optimizer") double optimizer) {
    }

    @Override
    public String phase() {
        return "grpo";
    }
}
