package org.tessera.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void parameterCountsShowExactAndRounded() {
        assertEquals("999", Formats.parameters(999));
        assertEquals("12,345 (12.3 k)", Formats.parameters(12_345));
        assertEquals("871,234 (871.2 k)", Formats.parameters(871_234));
        assertEquals("1,500,000 (1.50 M)", Formats.parameters(1_500_000));
        assertEquals("2,000,000,000 (2.00 B)", Formats.parameters(2_000_000_000L));
    }

    @Test
    void fileSizesUseBinaryUnits() {
        assertEquals("512 B", Formats.bytes(512));
        assertEquals("1.0 KiB", Formats.bytes(1024));
        assertEquals("3.4 MiB", Formats.bytes(3_565_158));
        assertEquals("2.0 GiB", Formats.bytes(2L << 30));
    }
}
