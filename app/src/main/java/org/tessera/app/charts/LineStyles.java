package org.tessera.app.charts;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.util.List;

/**
 * Line styles that tell a chart's metrics apart (mean vs std, train vs probe KL, one knowledge family from another)
 * while colour tells runs apart: solid first, then dashes a reader can name ("dashed", "dotted").
 */
public final class LineStyles {
    private static final float WIDTH = 1.8f;
    private static final List<float[]> DASHES = List.of(
            new float[0], // solid
            new float[]{7f, 4f}, // dashed
            new float[]{1.5f, 3f}, // dotted
            new float[]{9f, 3f, 1.5f, 3f}, // dash-dot
            new float[]{14f, 5f}, // long dash
            new float[]{6f, 3f, 1.5f, 3f, 1.5f, 3f}); // dash-dot-dot
    private static final List<String> NAMES = List.of("solid", "dashed", "dotted", "dash-dot", "long dash",
            "dash-dot-dot");

    private LineStyles() {
    }

    /** The stroke of the {@code index}-th metric of a chart (styles repeat after six). */
    public static Stroke stroke(int index) {
        float[] dash = DASHES.get(Math.floorMod(index, DASHES.size()));
        return dash.length == 0 ? new BasicStroke(WIDTH, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                : new BasicStroke(WIDTH, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    public static String name(int index) {
        return NAMES.get(Math.floorMod(index, NAMES.size()));
    }
}
