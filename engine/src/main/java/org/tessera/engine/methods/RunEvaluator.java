package org.tessera.engine.methods;

import org.tessera.engine.runs.events.Evaluation;
import org.tessera.engine.world.SuiteResult;

import org.tessera.engine.jobs.JobMonitor;

import org.tessera.engine.jigsaw.JigsawEvalResult;
import org.tessera.engine.jigsaw.JigsawEvaluator;
import org.tessera.engine.model.TrainableModel;

import java.util.function.BiFunction;

/**
 * The periodic evaluation of a run: jigsaw exact/hit/format on the fixed held-out puzzles (greedy), the
 * retained-knowledge suite, and KL to the base model on a prior-knowledge probe and on the new task. These are
 * the numbers the live charts plot.
 */
public final class RunEvaluator {
    private final JigsawEvaluator jigsaw;
    private final BiFunction<TrainableModel, JobMonitor, SuiteResult> knowledge;
    private final KlProbe knowledgeProbe;
    private final KlProbe taskProbe;

    public RunEvaluator(JigsawEvaluator jigsaw, BiFunction<TrainableModel, JobMonitor, SuiteResult> knowledge,
                        KlProbe knowledgeProbe, KlProbe taskProbe) {
        this.jigsaw = jigsaw;
        this.knowledge = knowledge;
        this.knowledgeProbe = knowledgeProbe;
        this.taskProbe = taskProbe;
    }

    /** The evaluation of {@code policy} against {@code base}; the suites report their batches to {@code monitor}. */
    public Evaluation evaluate(TrainableModel policy, TrainableModel base, JobMonitor monitor) {
        long t0 = System.nanoTime();
        JigsawEvalResult j = jigsaw.evaluate(policy, monitor);
        long t1 = System.nanoTime();
        SuiteResult k = knowledge.apply(policy, monitor);
        long t2 = System.nanoTime();
        double klKnowledge = knowledgeProbe.measure(policy, base);
        double klTask = taskProbe.measure(policy, base);
        long t3 = System.nanoTime();
        return new Evaluation(j, k, klKnowledge, klTask,
                new Evaluation.Seconds((t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9));
    }
}
