package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A training step of either phase: what every train event carries, whatever its phase adds. */
public sealed interface TrainStep extends RunEvent permits GrpoTrainStep, SftTrainStep {
    @Override
    @JsonProperty("event")
    default String event() {
        return "train";
    }

    /** grpo or sft, as written. */
    @JsonProperty("phase")
    String phase();

    double loss();
}
