package org.tessera.engine.experiment;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The training methods an experiment can name in {@code method.kind}, and whether each runs a GRPO phase. */
public enum MethodKind {
    /** Supervised fine-tuning on one kind of data. */
    SFT("sft", false),
    /** Reinforcement fine-tuning with GRPO. */
    GRPO("grpo", true),
    /** A GRPO phase, a harvest of the policy's exact answers, then SFT on them (Rea-Self). */
    RFT_THEN_SFT("rft-then-sft", true);

    private final String id;
    private final boolean grpoPhase;

    MethodKind(String id, boolean grpoPhase) {
        this.id = id;
        this.grpoPhase = grpoPhase;
    }

    /** As written in an experiment file. */
    public String id() {
        return id;
    }

    public boolean hasGrpoPhase() {
        return grpoPhase;
    }

    /** Every id, for the schema's choice. */
    public static Set<String> ids() {
        return Arrays.stream(values()).map(MethodKind::id).collect(Collectors.toUnmodifiableSet());
    }

    /** The kind an experiment file names; the loader has checked it against {@link #ids()}. */
    public static MethodKind of(String id) {
        for (MethodKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("method.kind must be one of " + ids() + ", not '" + id + "'");
    }
}
