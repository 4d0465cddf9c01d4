package org.tessera.engine.benchmarks;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ANLS on cases computed by hand. */
class AnlsTest {
    @Test
    void editDistanceOverTheLongerLength() {
        assertEquals(3, Anls.levenshtein("kitten", "sitting"));
        // 1 - 3/7 = 0.5714..., above the 0.5 threshold
        assertEquals(1 - 3.0 / 7, Anls.score("kitten", List.of("sitting")), 1e-12);
    }

    @Test
    void belowHalfCountsZeroAndExactlyHalfCounts() {
        assertEquals(0, Anls.score("abc", List.of("xyz")));
        // "ab" vs "ac": distance 1 over length 2 = 0.5, kept
        assertEquals(0.5, Anls.score("ab", List.of("ac")), 1e-12);
        // "abcd" vs "axyd": 1 - 2/4 = 0.5; "abcd" vs "xyzd": 1 - 3/4 = 0.25 -> 0
        assertEquals(0.5, Anls.score("abcd", List.of("axyd")), 1e-12);
        assertEquals(0, Anls.score("abcd", List.of("xyzd")));
    }

    @Test
    void bestOfTheAcceptedAnswersCaseAndSpacesIgnored() {
        assertEquals(1.0, Anls.score("  The   Cat ", List.of("dog", "the cat")), 1e-12);
        // "1986" vs "in 1986": 1 - 3/7; vs "1985": 1 - 1/4 = 0.75
        assertEquals(0.75, Anls.score("1986", List.of("in 1986", "1985")), 1e-12);
        assertEquals(0, Anls.score(null, List.of("x")));
    }
}
