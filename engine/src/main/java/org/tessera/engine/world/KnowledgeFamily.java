package org.tessera.engine.world;

import java.util.Set;

/** One skill of the world, playing the role of one of the paper's retained-knowledge benchmarks. */
public interface KnowledgeFamily {
    /** Short lowercase name, used as the JSON key of the suite result. */
    String name();

    /** One new item; all randomness comes from {@code ctx}. */
    WorldExample generate(FamilyContext ctx);

    /** Every word its questions, targets and candidates can contain. */
    Set<String> words();
}
