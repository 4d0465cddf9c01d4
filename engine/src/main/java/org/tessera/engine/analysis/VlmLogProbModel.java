package org.tessera.engine.analysis;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.TrainingExample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@link TrainableModel} seen as a {@link LogProbModel}: log p(completion | prompt) summed over the completion's
 * tokens with EOS appended, the same tokens SFT trains on and {@code score} reports.
 */
public final class VlmLogProbModel implements LogProbModel<TrainingExample> {
    private final TrainableModel model;

    public VlmLogProbModel(TrainableModel model) {
        this.model = model;
    }

    public TrainableModel model() {
        return model;
    }

    @Override
    public Map<String, NDArray> parameters() {
        return model.parameters();
    }

    @Override
    public NDArray sequenceLogProbs(NDManager manager, List<TrainingExample> samples) {
        TokenLogProbs lp = model.completionLogProbs(manager, prompts(samples), ids(samples), false);
        return lp.logProbs().mul(lp.mask()).sum(new int[] {1});
    }

    @Override
    public double[] logitResidualNorms(List<TrainingExample> samples) {
        NDArray any = parameters().values().iterator().next();
        try (NoGrad ignored = NoGrad.enter(); NDManager m = any.getManager().newSubManager()) {
            TokenLogProbs picked = model.completionLogProbs(m, prompts(samples), ids(samples), false);
            TokenLogProbs full = model.completionDistributions(m, prompts(samples), ids(samples));
            // ||e_y - p||^2 = 1 - 2 p_y + sum_k p_k^2 at each scored position; both calls mask the same columns
            NDArray sumSq = full.logProbs().mul(2).exp().sum(new int[] {-1});
            NDArray perToken = sumSq.sub(picked.logProbs().exp().mul(2)).add(1).mul(picked.mask());
            float[] sq = perToken.sum(new int[] {1}).toFloatArray();
            double[] out = new double[sq.length];
            for (int i = 0; i < sq.length; i++) {
                out[i] = Math.sqrt(Math.max(0, sq[i]));
            }
            return out;
        }
    }

    private static List<Prompt> prompts(List<TrainingExample> samples) {
        List<Prompt> out = new ArrayList<>(samples.size());
        samples.forEach(s -> out.add(s.prompt()));
        return out;
    }

    private List<int[]> ids(List<TrainingExample> samples) {
        List<int[]> out = new ArrayList<>(samples.size());
        samples.forEach(s -> out.add(model.encodeCompletion(s.target())));
        return out;
    }
}
