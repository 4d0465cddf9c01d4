package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.tessera.engine.jigsaw.JigsawEvalResult;
import org.tessera.engine.world.SuiteResult;

/**
 * What an evaluation of the policy measured (the {@code eval} object of an {@link EvalEvent}): held-out jigsaw
 * scores, the retained-knowledge suite (the world's families or benchmark files, in the suites' own records), and
 * the KL to the base model on prior-knowledge and on task prompts. A part an older line lacks is null (a suite) or
 * NaN (a number).
 */
@JsonPropertyOrder({"jigsaw", "knowledge", "kl_knowledge", "kl_task", "eval_seconds"})
public record Evaluation(
        @JsonProperty("jigsaw") JigsawEvalResult jigsaw,
        @JsonProperty("knowledge") SuiteResult knowledge,
        @JsonProperty("kl_knowledge") double klKnowledge,
        @JsonProperty("kl_task") double klTask,
        @JsonProperty("eval_seconds") Seconds seconds) {

    /** Held-out jigsaw exact match, NaN when the line has no jigsaw scores. */
    public double jigsawExact() {
        return jigsaw == null ? Double.NaN : jigsaw.exact();
    }

    /** Held-out jigsaw partial credit (share of tiles placed right), NaN when the line has no jigsaw scores. */
    public double jigsawHit() {
        return jigsaw == null ? Double.NaN : jigsaw.hit();
    }

    /** The retained-knowledge suite's average, NaN when the line has no knowledge scores. */
    public SuiteResult.Average knowledgeAverage() {
        return knowledge == null || knowledge.average() == null
                ? new SuiteResult.Average(Double.NaN, Double.NaN, Double.NaN, Double.NaN) : knowledge.average();
    }

    /** The knowledge families' scores in the line's order, empty when it has none. */
    public java.util.Map<String, SuiteResult.FamilyScore> families() {
        return knowledge == null || knowledge.families() == null ? java.util.Map.of() : knowledge.families();
    }

    /** Where the evaluation's time went. */
    @JsonPropertyOrder({"jigsaw", "knowledge", "kl"})
    public record Seconds(
            @JsonProperty("jigsaw") double jigsaw,
            @JsonProperty("knowledge") double knowledge,
            @JsonProperty("kl") double kl) {
    }
}
