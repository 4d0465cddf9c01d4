package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Shared sample sizes and generators for the world tests. */
final class WorldTestData {
    private WorldTestData() {
    }

    /** The reasoning of a reasoned target: what stands between {@code <think>} and {@code </think>}. */
    static String thought(KnowledgeItem item) {
        String target = item.target();
        return target.substring(target.indexOf(Completions.THINK_OPEN) + Completions.THINK_OPEN.length(),
                target.indexOf(Completions.THINK_CLOSE));
    }

    /** The cells of the checks that say "yes" in {@link CellChecks} reasoning ("6 circle circle yes ." -> 6). */
    static List<String> yesCells(String thought) {
        return Arrays.stream(thought.split(" \\. ?")).filter(step -> step.endsWith(" yes"))
                .map(step -> step.split(" ")[0]).toList();
    }

    static List<WorldExample> examples(KnowledgeFamily f, Split split, long seed, int n) {
        FamilySampler s = new FamilySampler(f, split, seed);
        List<WorldExample> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(s.next());
        }
        return out;
    }
}
