package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Candidate answer lists for likelihood ranking ("choice"). */
final class Candidates {
    /** At most this many candidates per open-set question: keeps scoring cheap. */
    static final int OPEN_SET_SIZE = 5;

    private Candidates() {
    }

    /** Every value of a closed set, in its natural order. */
    static List<String> closed(List<String> values) {
        return List.copyOf(values);
    }

    /**
     * The reference plus up to {@code OPEN_SET_SIZE - 1} distinct distractors taken in the given order (the
     * families propose plausible near misses first), the reference placed at a seeded random position so that
     * position carries no information.
     */
    static List<String> open(FamilyContext ctx, String reference, List<String> proposals, AnswerKind kind) {
        Set<String> picked = new LinkedHashSet<>();
        for (String p : proposals) {
            if (picked.size() == OPEN_SET_SIZE - 1) {
                break;
            }
            if (!p.equals(reference) && kind.matches(p)) {
                picked.add(p);
            }
        }
        List<String> out = new ArrayList<>(picked);
        out.add(ctx.nextInt(out.size() + 1), reference);
        return out;
    }

    static List<String> numbers(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            out.add(Integer.toString(i));
        }
        return out;
    }
}
