package org.tessera.app.charts;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One colour per run, the same in every chart and every session: derived from the run's folder name (a CRC32 hash
 * into the palette), never from the order runs were found or charted. The palette is Okabe and Ito's colour-blind
 * safe set (Okabe &amp; Ito 2008, "Color Universal Design") without its yellow, which is unreadable on white; all seven
 * are distinct under protanopia, deuteranopia and tritanopia. Seven colours for many runs means two runs can share
 * one: the run list shows each run's swatch, and hovering a line names its run.
 */
public final class RunColours {
    public static final List<Color> PALETTE = List.of(
            new Color(0x0072B2), // blue
            new Color(0xD55E00), // vermillion
            new Color(0x009E73), // bluish green
            new Color(0xCC79A7), // reddish purple
            new Color(0xE69F00), // orange
            new Color(0x56B4E9), // sky blue
            new Color(0x000000)); // black

    private RunColours() {
    }

    /** The colour of the run whose folder is named {@code runName}. */
    public static Color of(String runName) {
        CRC32 crc = new CRC32();
        crc.update(runName.getBytes(StandardCharsets.UTF_8));
        return PALETTE.get((int) (crc.getValue() % PALETTE.size()));
    }

    /** The same colour as a CSS colour, for JavaFX nodes (the run list's swatches). */
    public static String css(String runName) {
        Color c = of(runName);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }
}
