package org.tessera.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CaveatsTest {
    @Test
    void aCorrelationOverFewRunsCarriesItsIntervalAndAWarning() {
        assertTrue(Caveats.correlation(0.9, 3).startsWith("Caution: with 3 runs any r"));
        // n = 5, r = 0.9: z = 1.472, half-width 1.96 / sqrt(2) = 1.386 -> tanh(0.086) .. tanh(2.858)
        assertEquals("Caution: only 5 runs; 95 % interval 0.09 to 0.99 (Fisher's z).", Caveats.correlation(0.9, 5));
        assertEquals("95 % interval 0.62 to 0.90 (Fisher's z).", Caveats.correlation(0.8, 30));
        assertEquals("", Caveats.correlation(Double.NaN, 5));
    }

    @Test
    void fewSamplesPerKindAreFlagged() {
        assertTrue(Caveats.perGroup(4, "samples").startsWith("Caution: 4 samples per kind"));
        assertEquals("", Caveats.perGroup(64, "samples"));
    }
}
