package org.tessera.app.analysis;

import java.util.Locale;

/**
 * What a statistic over few points can and cannot say, in words, next to the number: a correlation over three runs
 * or a mean over four samples is shown, never without its caveat.
 */
final class Caveats {
    /** Below this many runs a correlation is called tentative even when its interval is computable. */
    static final int FEW_RUNS = 10;

    private Caveats() {
    }

    /** Pearson's r over {@code n} points: its 95 % interval (Fisher's z) and how far to trust it. */
    static String correlation(double r, int n) {
        if (n < 3 || Double.isNaN(r)) {
            return "";
        }
        if (n == 3) {
            return "Caution: with 3 runs any r between -1 and 1 is plausible (one run can flip its sign); add runs "
                    + "before reading anything into it.";
        }
        double z = atanh(Math.max(-0.999999, Math.min(0.999999, r)));
        double half = 1.96 / Math.sqrt(n - 3);
        String interval = String.format(Locale.ROOT, "95 %% interval %.2f to %.2f (Fisher's z)", Math.tanh(z - half),
                Math.tanh(z + half));
        return n < FEW_RUNS ? "Caution: only " + n + " runs; " + interval + "." : interval + ".";
    }

    /** A mean over {@code n} samples per group. */
    static String perGroup(int n, String what) {
        if (n <= 0) {
            return "";
        }
        return n < 20 ? String.format(Locale.ROOT, "Caution: %d %s per kind; differences between kinds smaller "
                + "than the spread within a kind are noise. Raise the count for a firmer answer.", n, what) : "";
    }

    private static double atanh(double x) {
        return 0.5 * Math.log((1 + x) / (1 - x));
    }
}
