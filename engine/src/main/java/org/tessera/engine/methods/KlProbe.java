package org.tessera.engine.methods;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean per-token KL(policy || reference) of the next-token distributions along fixed teacher-forced completions:
 * a cheap, exact (not sampled) measure of how far training has moved the model on those inputs. On prior-knowledge
 * probes it tracks forgetting; on the new task it is the "RL's Razor" predictor.
 */
public final class KlProbe {
    private final List<Prompt> prompts;
    private final List<int[]> completions;

    public KlProbe(List<Prompt> prompts, List<int[]> completions) {
        this.prompts = List.copyOf(prompts);
        this.completions = List.copyOf(completions);
    }

    public boolean isEmpty() {
        return prompts.isEmpty();
    }

    public double measure(TrainableModel policy, TrainableModel reference) {
        if (prompts.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        double tokens = 0;
        NDManager base = policy.parameters().values().iterator().next().getManager();
        int chunk = 32;
        try (NoGrad ignored = NoGrad.enter()) {
            for (int from = 0; from < prompts.size(); from += chunk) {
                int to = Math.min(prompts.size(), from + chunk);
                try (NDManager m = base.newSubManager()) {
                    List<Prompt> p = new ArrayList<>(prompts.subList(from, to));
                    List<int[]> c = new ArrayList<>(completions.subList(from, to));
                    TokenLogProbs a = policy.completionDistributions(m, p, c);
                    TokenLogProbs b = reference.completionDistributions(m, p, c);
                    NDArray kl = a.logProbs().exp().mul(a.logProbs().sub(b.logProbs())).sum(new int[] {-1});
                    sum += kl.mul(a.mask()).sum().getFloat();
                    tokens += a.mask().sum().getFloat();
                }
            }
        }
        return tokens == 0 ? Double.NaN : sum / tokens;
    }
}
