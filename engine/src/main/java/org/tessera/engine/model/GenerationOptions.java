package org.tessera.engine.model;

/**
 * How to sample completions. A temperature of 0 means greedy decoding (then {@code samplesPerPrompt} must be 1
 * to be useful, since every sample would be identical).
 *
 * @param maxNewTokens     stop after this many generated tokens even without EOS
 * @param temperature      softmax temperature; 0 = greedy
 * @param samplesPerPrompt completions to draw for each prompt (a GRPO group)
 * @param seed             seed of the sampling random stream, so sampling is reproducible
 * @param useKvCache       false only for benchmarks and tests that compare against a full forward pass
 */
public record GenerationOptions(int maxNewTokens, float temperature, int samplesPerPrompt, long seed, boolean useKvCache) {
    public GenerationOptions {
        if (maxNewTokens < 1) {
            throw new IllegalArgumentException("maxNewTokens must be >= 1, got " + maxNewTokens);
        }
        if (temperature < 0 || Float.isNaN(temperature)) {
            throw new IllegalArgumentException("temperature must be >= 0, got " + temperature);
        }
        if (samplesPerPrompt < 1) {
            throw new IllegalArgumentException("samplesPerPrompt must be >= 1, got " + samplesPerPrompt);
        }
    }

    public static GenerationOptions greedy(int maxNewTokens) {
        return new GenerationOptions(maxNewTokens, 0f, 1, 0L, true);
    }

    public static GenerationOptions sampling(int maxNewTokens, float temperature, int samplesPerPrompt, long seed) {
        return new GenerationOptions(maxNewTokens, temperature, samplesPerPrompt, seed, true);
    }

    public boolean greedy() {
        return temperature == 0f;
    }

    public GenerationOptions withKvCache(boolean kv) {
        return new GenerationOptions(maxNewTokens, temperature, samplesPerPrompt, seed, kv);
    }
}
