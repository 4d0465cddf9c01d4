package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A deterministic stream of one family's items in one split: the same (family, split, seed) gives the same items. */
public final class FamilySampler {
    private final KnowledgeFamily family;
    private final Split split;
    private final int maxObjects;
    private final Random rng;
    private int index;

    public FamilySampler(KnowledgeFamily family, Split split, long seed, int maxObjects) {
        this.family = family;
        this.split = split;
        this.maxObjects = maxObjects;
        this.rng = new Random(Seeds.mix(seed, family.name(), split));
    }

    /** Full difficulty: up to {@link SceneSpec#MAX_OBJECTS} objects, as the suite uses. */
    public FamilySampler(KnowledgeFamily family, Split split, long seed) {
        this(family, split, seed, SceneSpec.MAX_OBJECTS);
    }

    public WorldExample next() {
        String id = split.name().toLowerCase() + "/" + family.name() + "/" + index++;
        return family.generate(new FamilyContext(rng, split, maxObjects, id));
    }

    public List<KnowledgeItem> items(int n) {
        List<KnowledgeItem> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next().item());
        }
        return out;
    }
}
