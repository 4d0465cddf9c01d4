package org.tessera.app.analysis;

import java.util.Locale;

/** Number text for the analysis tables: readable across the many orders of magnitude perplexity and influence span. */
final class Numbers {
    private Numbers() {
    }

    /** 3 significant decimals for everyday sizes, thousands separators for big numbers, exponents for tiny ones. */
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
        if (a >= 100_000) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%,.1f", v);
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
