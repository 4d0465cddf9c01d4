package org.tessera.app.studio;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tessera.engine.jigsaw.Rewards;

/** The spread of N sampled attempts in one line: what a GRPO group of this puzzle would look like. */
final class SampleSummary {
    private SampleSummary() {
    }

    static String of(List<ModelAttempt> attempts) {
        if (attempts.isEmpty()) {
            return "No samples.";
        }
        long exact = attempts.stream().filter(ModelAttempt::exact).count();
        long valid = attempts.stream().filter(a -> a.parsed().ok()).count();
        long distinct = attempts.stream().map(a -> Arrays.toString(a.parsed().numbers())).distinct().count();
        String rewards = Rewards.PRESETS.stream().map(preset -> {
            double[] totals = attempts.stream().mapToDouble(a -> a.rewards().get(preset).total()).toArray();
            double mean = Arrays.stream(totals).average().orElse(0);
            double var = Arrays.stream(totals).map(t -> (t - mean) * (t - mean)).average().orElse(0);
            String spread = var == 0 ? " (no spread: zero advantage)" : "";
            return String.format(Locale.ROOT, "%s %.3f ± %.3f%s", preset, mean, Math.sqrt(var), spread);
        }).collect(Collectors.joining(";  "));
        return String.format(Locale.ROOT, "%d samples: %d exact, %d valid answers, %d distinct.%nReward mean ± std: %s",
                attempts.size(), exact, valid, distinct, rewards);
    }
}
