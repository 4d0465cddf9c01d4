package org.tessera.app.shell;

import javafx.geometry.Dimension2D;
import javafx.geometry.Rectangle2D;

/**
 * The window's first size: 1280x800, the size every view is laid out and tested for (the old 1100x700 hid the
 * puzzle studio's sample table and cut run names), shrunk to the screen's usable area on a smaller screen so the
 * window never opens partly off screen.
 */
public final class WindowSize {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private WindowSize() {
    }

    /** {@code screen}: the usable area (without task bars), e.g. {@code Screen.getPrimary().getVisualBounds()}. */
    public static Dimension2D fitted(Rectangle2D screen) {
        if (screen == null || screen.getWidth() <= 0 || screen.getHeight() <= 0) {
            return new Dimension2D(WIDTH, HEIGHT);
        }
        return new Dimension2D(Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
    }
}
