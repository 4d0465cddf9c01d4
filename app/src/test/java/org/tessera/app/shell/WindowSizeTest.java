package org.tessera.app.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowSizeTest {
    @Test
    void aLargeScreenGets1280x800() {
        assertEquals(new Dimension2D(1280, 800), WindowSize.fitted(new Rectangle2D(0, 0, 2560, 1400)));
    }

    @Test
    void aSmallScreenGetsItsWholeUsableArea() {
        assertEquals(new Dimension2D(1024, 728), WindowSize.fitted(new Rectangle2D(0, 40, 1024, 728)));
        assertEquals(new Dimension2D(1280, 700), WindowSize.fitted(new Rectangle2D(0, 0, 1366, 700)));
    }

    @Test
    void noScreenInformationFallsBackTo1280x800() {
        assertEquals(new Dimension2D(1280, 800), WindowSize.fitted(null));
        assertEquals(new Dimension2D(1280, 800), WindowSize.fitted(new Rectangle2D(0, 0, 0, 0)));
    }
}
