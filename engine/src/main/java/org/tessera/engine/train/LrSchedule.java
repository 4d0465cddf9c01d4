package org.tessera.engine.train;

/** Linear warmup to the peak rate, then cosine decay to {@code minRatio} x peak at the last step. */
public record LrSchedule(float peak, int warmupSteps, int totalSteps, float minRatio) {
    public float at(long step) {
        if (warmupSteps > 0 && step < warmupSteps) {
            return peak * (step + 1) / warmupSteps;
        }
        if (totalSteps <= warmupSteps) {
            return peak;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, totalSteps - warmupSteps));
        double cos = 0.5 * (1 + Math.cos(Math.PI * progress));
        return (float) (peak * (minRatio + (1 - minRatio) * cos));
    }

    public static LrSchedule constant(float lr) {
        return new LrSchedule(lr, 0, 0, 1f);
    }
}
