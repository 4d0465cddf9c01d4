package org.tessera.engine.world;

import java.util.List;
import java.util.NoSuchElementException;

/** The six knowledge families, in the order results list them. */
public final class Families {
    private static final List<KnowledgeFamily> ALL = List.of(new GroundingFamily(), new ReadingFamily(),
            new PerceptionFamily(), new VqaFamily(), new HallucinationFamily(), new TextFamily());

    private Families() {
    }

    public static List<KnowledgeFamily> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(KnowledgeFamily::name).toList();
    }

    public static KnowledgeFamily byName(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new NoSuchElementException("no knowledge family '" + name + "'; known: " + names()));
    }
}
