package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/** rft-then-sft's harvest of the policy's own exact answers: what was sampled and kept (methods.Harvest.stats). */
@JsonPropertyOrder({"step", "event", "harvest", "sampling_seconds", "seconds", "wall_s"})
public record HarvestEvent(
        @JsonProperty("step") long step,
        @JsonProperty("harvest") JsonNode harvest,
        @JsonProperty("sampling_seconds") double samplingSeconds,
        @JsonProperty("seconds") double seconds,
        @JsonProperty("wall_s") double wallSeconds) implements RunEvent {

    @Override
    @JsonProperty("event")
    public String event() {
        return "harvest";
    }
}
