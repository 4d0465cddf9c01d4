package org.tessera.engine.bench;

import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.VisionLanguageModel;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code tessera bench suite}: the retained-knowledge suite's cost split into its parts at the default size:
 * greedy generation (accuracy, format), scoring the reference answers (nll), and ranking every candidate after its
 * shared prefix (what {@code choice} adds), as the suite does. Also times one whole {@link KnowledgeSuite#evaluate}.
 */
public final class SuiteBenchmark {
    private SuiteBenchmark() {
    }

    public static Map<String, Object> run(VisionLanguageModel model, int n) {
        Map<String, List<KnowledgeItem>> byFamily = KnowledgeSuite.heldOutItems(n, KnowledgeSuite.DEFAULT_SEED);
        List<KnowledgeItem> items = new ArrayList<>();
        byFamily.values().forEach(items::addAll);
        List<Prompt> prompts = new ArrayList<>();
        List<Prompt> refPrompts = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        List<List<String>> continuations = new ArrayList<>();
        int candidates = 0;
        int maxTokens = 1;
        for (KnowledgeItem it : items) {
            prompts.add(it.prompt());
            maxTokens = Math.max(maxTokens, model.tokenizer().encode(it.target()).length);
            refPrompts.add(it.prompt());
            refs.add(it.target());
            String ref = it.completionFor(it.answer());
            prefixes.add(ref.substring(0, ref.lastIndexOf("<answer>")) + "<answer>");
            List<String> cont = new ArrayList<>();
            for (String c : it.candidates()) {
                cont.add(c + "</answer>");
            }
            candidates += cont.size();
            continuations.add(cont);
        }
        new KnowledgeSuite().evaluate(model, byFamily); // warm-up
        long t0 = System.nanoTime();
        model.generate(prompts, GenerationOptions.greedy(maxTokens + 4));
        long t1 = System.nanoTime();
        model.score(refPrompts, refs);
        long t2 = System.nanoTime();
        model.scoreContinuations(prompts, prefixes, continuations);
        long t3 = System.nanoTime();
        new KnowledgeSuite().evaluate(model, byFamily);
        long t4 = System.nanoTime();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("items", items.size() + " (" + n + " per family)");
        r.put("generation_s", (t1 - t0) / 1e9);
        r.put("reference_scoring_s", (t2 - t1) / 1e9);
        r.put("choice_scoring_s", (t3 - t2) / 1e9 + " (" + candidates + " candidates, shared prefixes)");
        r.put("choice_overhead_fraction", (double) (t3 - t2) / (t2 - t0));
        r.put("whole_suite_s", (t4 - t3) / 1e9);
        return r;
    }
}
