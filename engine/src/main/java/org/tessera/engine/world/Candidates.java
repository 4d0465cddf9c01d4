package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Candidate answer lists for likelihood ranking ("choice"). Every candidate costs one scored completion with the
 * picture re-encoded, and the suite's budget allows "choice" at most half again the cost of generation, so each
 * question gets at most {@link #SIZE} candidates: the reference plus the most tempting wrong answers (values the
 * same picture offers, near misses), then values drawn from the whole set. Chance level is 1/|candidates|.
 */
final class Candidates {
    static final int SIZE = 3;

    private Candidates() {
    }

    /**
     * The reference plus up to {@code SIZE - 1} distinct distractors of the item's kind: {@code preferred} in the
     * given order first, then {@code pool} in a seeded random order. The reference lands at a seeded random
     * position so that position carries no information.
     */
    static List<String> pick(FamilyContext ctx, String reference, List<String> preferred, List<String> pool,
                             AnswerKind kind) {
        Set<String> picked = new LinkedHashSet<>();
        addFrom(preferred, reference, kind, picked);
        List<String> shuffled = new ArrayList<>(pool);
        Collections.shuffle(shuffled, ctx.rng());
        addFrom(shuffled, reference, kind, picked);
        List<String> out = new ArrayList<>(picked);
        out.add(ctx.nextInt(out.size() + 1), reference);
        return out;
    }

    private static void addFrom(List<String> source, String reference, AnswerKind kind, Set<String> picked) {
        for (String p : source) {
            if (picked.size() == SIZE - 1) {
                return;
            }
            if (!p.equals(reference) && kind.matches(p)) {
                picked.add(p);
            }
        }
    }

    /**
     * {@code n} seeded reorderings of a list of positions, space-separated: the natural wrong answers to "write
     * the position of each item" (right positions, wrong order). Draws exactly {@code n} shuffles from the stream.
     */
    static List<String> shuffledLists(FamilyContext ctx, List<Integer> positions, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Integer> p = new ArrayList<>(positions);
            Collections.shuffle(p, ctx.rng());
            out.add(WorldText.joinNumbers(p));
        }
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
