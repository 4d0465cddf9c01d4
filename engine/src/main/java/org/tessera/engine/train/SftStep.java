package org.tessera.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;

import java.util.List;

/**
 * One supervised step: mean negative log-likelihood of the completion tokens (prompt tokens masked out), backward,
 * AdamW update. Every array of the step lives in a sub-manager closed at the end, so memory stays flat.
 */
public final class SftStep {
    private final TrainableModel model;
    private final AdamWOptimizer optimizer;

    public SftStep(TrainableModel model, AdamWOptimizer optimizer) {
        this.model = model;
        this.optimizer = optimizer;
    }

    /** Result of one step: loss, gradient norm, completion tokens trained on. */
    public record Result(double loss, double gradNorm, long tokens) {
    }

    public Result run(long step, List<Prompt> prompts, List<int[]> completions, float lr, float maxGradNorm) {
        double lossValue;
        long tokens;
        NDArray anyParam = model.parameters().values().iterator().next();
        try (NDManager s = anyParam.getManager().newSubManager();
             GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            TokenLogProbs lp = model.completionLogProbs(s, prompts, completions, false);
            NDArray count = lp.mask().sum();
            tokens = (long) count.getFloat();
            NDArray loss = lp.logProbs().mul(lp.mask()).sum().div(count).neg();
            lossValue = loss.getFloat();
            if (!Double.isFinite(lossValue)) {
                throw new DivergedException(step, "loss is " + lossValue);
            }
            gc.backward(loss);
        }
        AdamWOptimizer.StepInfo info = optimizer.step(lr, maxGradNorm);
        if (!info.applied()) {
            throw new DivergedException(step, "gradient norm is " + info.gradNorm());
        }
        return new Result(lossValue, info.gradNorm(), tokens);
    }
}
