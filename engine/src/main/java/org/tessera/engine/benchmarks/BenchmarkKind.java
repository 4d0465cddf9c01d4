package org.tessera.engine.benchmarks;

import java.util.Arrays;

/** What a benchmark asks and how its answers are scored. */
public enum BenchmarkKind {
    /** MMStar / MMMU / MMBench: options A, B, ...; a letter answer, read from free text as VLMEvalKit does. */
    MULTIPLE_CHOICE("multiple-choice"),
    /** POPE / MME: a yes/no answer, read as VLMEvalKit's yes/no extraction does. */
    YES_NO("yes-no"),
    /** DocVQA: a short free answer, scored by ANLS against every accepted answer. */
    SHORT_ANSWER("short-answer"),
    /** RefCOCO: a box, correct when its IoU with the reference is at least 0.5. */
    GROUNDING("grounding");

    private final String id;

    BenchmarkKind(String id) {
        this.id = id;
    }

    /** The name used in benchmarks.json and the CLI. */
    public String id() {
        return id;
    }

    /** Whether the benchmark has options to rank by likelihood ({@code choice}). */
    public boolean hasOptions() {
        return this == MULTIPLE_CHOICE || this == YES_NO;
    }

    public static BenchmarkKind of(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown benchmark kind '" + id + "' (known: multiple-choice, yes-no, "
                        + "short-answer, grounding)"));
    }
}
