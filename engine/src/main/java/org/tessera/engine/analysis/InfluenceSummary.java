package org.tessera.engine.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Influence of one group of training samples (a data kind, or the rollouts of one step) on the probe set,
 * averaged over every (probe v, sample u) pair.
 *
 * @param meanSigned          mean first-order Delta(v,u) = eta g(v).g(u): positive means a step on this data raises
 *                            the likelihood of prior knowledge on average
 * @param meanAbs             mean |Delta|
 * @param positiveFraction    fraction of pairs with Delta &gt; 0 (the rest are negative or exactly 0)
 * @param perSampleMean       distribution over samples u of mean_v Delta(v,u)
 * @param meanPerUnitStep     mean |Delta| / (eta ||g(u)||)
 * @param meanEntkLowerBound  mean |Delta| / (eta ||r(v)|| ||r(u)||), a lower bound on ||K(v,u)||_2, over the pairs where it
 *                            is defined (probes predicted with probability 1 in float32 have r(v) = 0 and are left out)
 * @param nActual             samples whose one-step change was also measured
 * @param actualMeanSigned    mean measured Delta over those samples (NaN when none)
 * @param actualMeanEntkLowerBound the eNTK bound from the measured Delta
 * @param signAgreement       fraction of measured pairs where the first-order estimate has the measured sign
 * @param medianRelativeError median |measured - first-order| / |measured| over measured pairs
 * @param secondsPerSample    mean wall time per training sample (first-order, plus the step where measured)
 */
public record InfluenceSummary(String group, int n, int probes, double eta, double meanSigned, double meanAbs,
                               double positiveFraction, Distribution perSampleMean, double meanPerUnitStep,
                               double meanEntkLowerBound, int nActual, double actualMeanSigned,
                               double actualMeanEntkLowerBound, double signAgreement, double medianRelativeError,
                               double meanGradNorm, double secondsPerSample) {

    public static InfluenceSummary of(String group, List<InfluenceMeasurement> ms, double[] probeResidualNorms) {
        if (ms.isEmpty()) {
            throw new IllegalArgumentException("no influence measurements for " + group);
        }
        double eta = ms.get(0).eta();
        double sum = 0;
        double abs = 0;
        double unit = 0;
        double entk = 0;
        int entkPairs = 0;
        int pos = 0;
        int pairs = 0;
        double[] perSample = new double[ms.size()];
        double seconds = 0;
        double gradNorm = 0;
        double actualSum = 0;
        double actualEntk = 0;
        int actualEntkPairs = 0;
        int actualPairs = 0;
        int agree = 0;
        int nActual = 0;
        List<Double> relErr = new ArrayList<>();
        for (int k = 0; k < ms.size(); k++) {
            InfluenceMeasurement m = ms.get(k);
            double[] d = m.firstOrder();
            double[] u = m.perUnitStep(d);
            double[] e = m.entkLowerBound(d, probeResidualNorms);
            double s = 0;
            for (int i = 0; i < d.length; i++) {
                s += d[i];
                abs += Math.abs(d[i]);
                unit += u[i];
                // A probe the model already predicts with probability 1 in float32 has residual 0: its bound is
                // undefined (x/0), so it is left out of the mean rather than making it infinite.
                if (Double.isFinite(e[i])) {
                    entk += e[i];
                    entkPairs++;
                }
                pos += d[i] > 0 ? 1 : 0;
            }
            sum += s;
            pairs += d.length;
            perSample[k] = s / d.length;
            seconds += m.seconds();
            gradNorm += m.gradNorm();
            if (m.actual() != null) {
                nActual++;
                double[] a = m.actual();
                double[] ae = m.entkLowerBound(a, probeResidualNorms);
                for (int i = 0; i < a.length; i++) {
                    actualSum += a[i];
                    if (Double.isFinite(ae[i])) {
                        actualEntk += ae[i];
                        actualEntkPairs++;
                    }
                    agree += Math.signum(a[i]) == Math.signum(d[i]) ? 1 : 0;
                    relErr.add(Math.abs(a[i] - d[i]) / Math.abs(a[i]));
                    actualPairs++;
                }
            }
        }
        double[] re = relErr.stream().mapToDouble(Double::doubleValue).toArray();
        return new InfluenceSummary(group, ms.size(), probeResidualNorms.length, eta, sum / pairs, abs / pairs,
                (double) pos / pairs, Distribution.of(perSample), unit / pairs, entkPairs == 0 ? Double.NaN : entk / entkPairs, nActual,
                actualPairs == 0 ? Double.NaN : actualSum / actualPairs,
                actualEntkPairs == 0 ? Double.NaN : actualEntk / actualEntkPairs,
                actualPairs == 0 ? Double.NaN : (double) agree / actualPairs, Distribution.of(re).median(),
                gradNorm / ms.size(), seconds / ms.size());
    }
}
