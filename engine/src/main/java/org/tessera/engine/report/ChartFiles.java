package org.tessera.engine.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a chart as NAME.png and NAME.svg (headless AWT). */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes both files and returns them (PNG first). */
    public static List<Path> write(JFreeChart chart, Path dir, String name, int width, int height) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            ChartUtils.saveChartAsPNG(png.toFile(), chart, width, height);
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            SVGUtils.writeToSVG(svg.toFile(), g.getSVGElement());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + " / " + svg + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }
}
