package org.tessera.engine.methods;

import org.tessera.engine.model.Prompt;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The retained-knowledge side of a run, built from the world's held-out suite. */
public final class KnowledgeSetups {
    private KnowledgeSetups() {
    }

    /**
     * The suite at {@code eval.knowledge_n} items per family (fixed held-out split and seed, so every run and the
     * base model are scored on the same questions), and a KL probe on the reference targets of up to
     * {@code eval.kl_probe_n} of them, spread over the families.
     */
    public static JigsawMethod.KnowledgeFactory world() {
        return (e, policy) -> {
            int n = e.eval().knowledgeN();
            KnowledgeSuite suite = new KnowledgeSuite();
            Map<String, List<KnowledgeItem>> items = KnowledgeSuite.heldOutItems(n, KnowledgeSuite.DEFAULT_SEED);
            List<Prompt> prompts = new ArrayList<>();
            List<int[]> targets = new ArrayList<>();
            int perFamily = Math.max(1, e.eval().klProbeN() / Math.max(1, items.size()));
            for (List<KnowledgeItem> family : items.values()) {
                for (KnowledgeItem it : family.subList(0, Math.min(perFamily, family.size()))) {
                    if (prompts.size() < e.eval().klProbeN()) {
                        prompts.add(it.prompt());
                        targets.add(policy.encodeCompletion(it.target()));
                    }
                }
            }
            return new JigsawMethod.KnowledgeSetup(m -> suite.evaluate(m, items), new KlProbe(prompts, targets));
        };
    }
}
