package org.tessera.app.charts;

/**
 * Exponential moving average for noisy per-step curves (loss, reward), as TensorBoard's smoothing slider:
 * {@code s[0] = y[0]; s[i] = w * s[i-1] + (1 - w) * y[i]}. Weight 0 is the raw curve; the raw values stay in the
 * run's metrics and in CSV exports of an unsmoothed chart.
 */
public final class Smoothing {
    private Smoothing() {
    }

    /** The next smoothed value after {@code previous} (NaN for the first point), for a new raw value {@code y}. */
    public static double next(double previous, double y, double weight) {
        if (Double.isNaN(previous) || weight <= 0 || !Double.isFinite(y)) {
            return y;
        }
        return weight * previous + (1 - weight) * y;
    }
}
