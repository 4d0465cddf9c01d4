package org.tessera.engine.analysis;

import java.util.Arrays;

/**
 * Summary of a sample of values: moments, quantiles (linear interpolation between order statistics, as numpy's
 * default) and an equal-width histogram over [min, max]. Non-finite values are counted and left out, so one
 * overflowing perplexity cannot turn every statistic into NaN.
 */
public record Distribution(int n, int nonFinite, double mean, double std, double min, double p05, double p25,
                           double median, double p75, double p95, double max, double[] binEdges, int[] binCounts) {

    public static final int DEFAULT_BINS = 20;

    public static Distribution of(double[] values) {
        return of(values, DEFAULT_BINS);
    }

    public static Distribution of(double[] values, int bins) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        int bad = values.length - v.length;
        if (v.length == 0) {
            return new Distribution(0, bad, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, new double[0], new int[0]);
        }
        double mean = Arrays.stream(v).average().orElse(Double.NaN);
        double var = 0;
        for (double x : v) {
            var += (x - mean) * (x - mean);
        }
        double std = v.length > 1 ? Math.sqrt(var / (v.length - 1)) : 0;
        double lo = v[0];
        double hi = v[v.length - 1];
        double[] edges = new double[bins + 1];
        int[] counts = new int[bins];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        for (double x : v) {
            int b = hi == lo ? 0 : (int) Math.floor((x - lo) / (hi - lo) * bins);
            counts[Math.min(bins - 1, Math.max(0, b))]++;
        }
        return new Distribution(v.length, bad, mean, std, lo, quantile(v, 0.05), quantile(v, 0.25), quantile(v, 0.5),
                quantile(v, 0.75), quantile(v, 0.95), hi, edges, counts);
    }

    /** Quantile q of sorted values, interpolating linearly between neighbouring order statistics. */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(sorted.length - 1, i + 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
