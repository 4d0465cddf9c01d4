package org.tessera.app.widgets;

import java.util.Locale;

/** Number formats of the model card, fixed to one locale so that screenshots and tests read the same everywhere. */
public final class Formats {
    private Formats() {
    }

    /** 871234 -> "871,234 (0.87 M)": the exact count for comparisons, the rounded one for reading. */
    public static String parameters(long count) {
        String exact = String.format(Locale.ROOT, "%,d", count);
        if (count >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%s (%.2f B)", exact, count / 1e9);
        }
        if (count >= 1_000_000L) {
            return String.format(Locale.ROOT, "%s (%.2f M)", exact, count / 1e6);
        }
        if (count >= 1_000L) {
            return String.format(Locale.ROOT, "%s (%.1f k)", exact, count / 1e3);
        }
        return exact;
    }

    /** Binary units, as file managers show them. */
    public static String bytes(long size) {
        if (size < 1024) {
            return size + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static String integer(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
