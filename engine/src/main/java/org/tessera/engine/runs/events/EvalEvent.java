package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** An evaluation of the policy at a step: held-out jigsaw scores, the retained-knowledge suite, KL to the base model. */
@JsonPropertyOrder({"step", "event", "eval", "wall_s"})
public record EvalEvent(
        @JsonProperty("step") long step,
        @JsonProperty("eval") Evaluation eval,
        @JsonProperty("wall_s") double wallSeconds) implements RunEvent {

    @Override
    @JsonProperty("event")
    public String event() {
        return "eval";
    }
}
