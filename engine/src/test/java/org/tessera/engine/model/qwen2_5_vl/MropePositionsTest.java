package org.tessera.engine.model.qwen2_5_vl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MropePositionsTest {
    @Test
    void imageTokensTakeTheirGridCellAndTextContinuesAfterTheLargest() {
        // text, vision_start, 2 x 2 merged image tokens (4 x 6 patches -> 2 x 3), vision_end, text
        int[] t = {10, 3, 5, 5, 5, 5, 5, 5, 4, 11};
        MropePositions p = MropePositions.of(t, 5, List.of(new int[] {1, 4, 6}), 2);
        assertArrayEquals(new long[] {0, 1, 2, 2, 2, 2, 2, 2, 5, 6}, p.ids()[0]);
        assertArrayEquals(new long[] {0, 1, 2, 2, 2, 3, 3, 3, 5, 6}, p.ids()[1]);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 2, 3, 4, 5, 6}, p.ids()[2]);
        assertEquals(7, p.next());
    }

    @Test
    void sequentialModeNumbersEveryToken() {
        int[] t = {10, 3, 5, 5, 5, 5, 4};
        MropePositions p = MropePositions.of(t, 5, List.of(new int[] {1, 4, 4}), 2, RopeIndex.SEQUENTIAL);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6}, p.ids()[1]);
        assertEquals(7, p.next());
    }
}
