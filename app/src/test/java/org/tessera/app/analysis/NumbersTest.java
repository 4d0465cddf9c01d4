package org.tessera.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {
    @Test
    void formatsEveryOrderOfMagnitudeReadably() {
        assertEquals("–", Numbers.format(Double.NaN));
        assertEquals("0", Numbers.format(0));
        assertEquals("5.83e+06", Numbers.format(5_830_000));
        assertEquals("241,900", Numbers.format(241_900.4));
        assertEquals("1,355", Numbers.format(1355.25));
        assertEquals("761.1", Numbers.format(761.14));
        assertEquals("5.162", Numbers.format(5.16249));
        assertEquals("-0.031", Numbers.format(-0.0312));
        assertEquals("-8.308e-04", Numbers.format(-8.308e-4));
    }
}
