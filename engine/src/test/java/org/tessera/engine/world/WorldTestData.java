package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;

/** Shared sample sizes and generators for the world tests. */
final class WorldTestData {
    private WorldTestData() {
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
