package org.tessera.app.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Measured values (milliseconds) and their order statistics; nearest-rank percentiles. */
public record Distribution(double[] sorted) {

    public static Distribution of(Collection<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return new Distribution(a);
    }

    public int n() {
        return sorted.length;
    }

    /** The value at quantile q (0..1) by nearest rank; NaN when there is no value. */
    public double quantile(double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    /** "p50 1.2 ms, p95 3.4 ms, p99 5.6 ms, max 7.8 ms (n 123)". */
    public String summary() {
        if (sorted.length == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n %d)",
                quantile(0.5), quantile(0.95), quantile(0.99), max(), n());
    }
}
