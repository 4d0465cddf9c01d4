package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An evaluation: held-out jigsaw scores, the retained-knowledge suite, KL to the base model. The evaluation object
 * keeps the suites' own JSON shape (jigsaw.JigsawEvalResult, knowledge SuiteResult), fixed by the schema; it is a
 * tree here because the suites own their records.
 */
@JsonPropertyOrder({"step", "event", "eval", "wall_s"})
public record EvalEvent(
        @JsonProperty("step") long step,
        @JsonProperty("eval") JsonNode eval,
        @JsonProperty("wall_s") double wallSeconds) implements RunEvent {

    @Override
    @JsonProperty("event")
    public String event() {
        return "eval";
    }
}
