package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** rft-then-sft's harvest of the policy's own exact answers: what was sampled and kept. */
@JsonPropertyOrder({"step", "event", "harvest", "sampling_seconds", "seconds", "wall_s"})
public record HarvestEvent(
        @JsonProperty("step") long step,
        @JsonProperty("harvest") HarvestStats harvest,
        @JsonProperty("sampling_seconds") double samplingSeconds,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("wall_s") double wallSeconds) implements RunEvent {

    @Override
    @JsonProperty("event")
    public String event() {
        return "harvest";
    }
}
