package org.tessera.app.analysis;

import java.util.Locale;

/** Number text for the analysis tables: readable across the many orders of magnitude perplexity and influence span. */
final class Numbers {
    private Numbers() {
    }

    /**
     * At most 8 characters or so (table cells stay narrow): 3 decimals for everyday sizes, whole numbers with
     * thousands separators from 1,000, exponents for the very large and the tiny.
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1_000_000) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        if (a >= 1_000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.01) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f s", s);
    }
}
