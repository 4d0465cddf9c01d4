package org.tessera.engine.methods;

import org.tessera.engine.jobs.JobMonitor;

import org.tessera.engine.jigsaw.JigsawEvalResult;
import org.tessera.engine.jigsaw.JigsawEvaluator;
import org.tessera.engine.model.TrainableModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The periodic evaluation of a run: jigsaw exact/hit/format on the fixed held-out puzzles (greedy), the
 * retained-knowledge suite, and KL to the base model on a prior-knowledge probe and on the new task. These are
 * the numbers the live charts plot.
 */
public final class RunEvaluator {
    private final JigsawEvaluator jigsaw;
    private final BiFunction<TrainableModel, JobMonitor, Object> knowledge;
    private final KlProbe knowledgeProbe;
    private final KlProbe taskProbe;

    public RunEvaluator(JigsawEvaluator jigsaw, BiFunction<TrainableModel, JobMonitor, Object> knowledge,
                        KlProbe knowledgeProbe, KlProbe taskProbe) {
        this.jigsaw = jigsaw;
        this.knowledge = knowledge;
        this.knowledgeProbe = knowledgeProbe;
        this.taskProbe = taskProbe;
    }

    /** The evaluation of {@code policy} against {@code base}; the suites report their batches to {@code monitor}. */
    public Map<String, Object> evaluate(TrainableModel policy, TrainableModel base, JobMonitor monitor) {
        Map<String, Object> out = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        JigsawEvalResult j = jigsaw.evaluate(policy, monitor);
        out.put("jigsaw", j);
        long t1 = System.nanoTime();
        out.put("knowledge", knowledge.apply(policy, monitor));
        long t2 = System.nanoTime();
        out.put("kl_knowledge", knowledgeProbe.measure(policy, base));
        out.put("kl_task", taskProbe.measure(policy, base));
        long t3 = System.nanoTime();
        out.put("eval_seconds", Map.of("jigsaw", (t1 - t0) / 1e9, "knowledge", (t2 - t1) / 1e9, "kl", (t3 - t2) / 1e9));
        return out;
    }
}
