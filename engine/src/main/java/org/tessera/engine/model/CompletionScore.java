package org.tessera.engine.model;

/**
 * Log-likelihood of one given completion under a model, teacher-forced.
 *
 * @param tokenLogProbs log p(token | prefix) of each completion token (EOS included when scored)
 */
public record CompletionScore(double[] tokenLogProbs) {
    public double sumLogProb() {
        double s = 0;
        for (double v : tokenLogProbs) {
            s += v;
        }
        return s;
    }

    public int tokenCount() {
        return tokenLogProbs.length;
    }

    /** Mean negative log-likelihood per token; NaN for an empty completion. */
    public double meanNll() {
        return tokenLogProbs.length == 0 ? Double.NaN : -sumLogProb() / tokenLogProbs.length;
    }

    /** exp(mean token NLL). */
    public double perplexity() {
        return Math.exp(meanNll());
    }
}
