package org.tessera.engine.report;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUtils;
import org.tessera.engine.io.AtomicFiles;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes charts as PNG and SVG (headless AWT), each file complete or absent ({@link AtomicFiles}). Used by
 * {@code tessera report} and by the workbench's chart exports.
 */
public final class ChartFiles {
    private ChartFiles() {
    }

    /** Writes NAME.png and NAME.svg in {@code dir} and returns them (PNG first). */
    public static List<Path> write(JFreeChart chart, Path dir, String name, int width, int height) {
        Path png = dir.resolve(name + ".png");
        Path svg = dir.resolve(name + ".svg");
        try {
            png(chart, png, width, height);
            svg(chart, svg, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + png + " / " + svg + ": " + e.getMessage(), e);
        }
        return List.of(png, svg);
    }

    public static void png(JFreeChart chart, Path target, int width, int height) throws IOException {
        AtomicFiles.write(target, tmp -> ChartUtils.saveChartAsPNG(tmp.toFile(), chart, width, height));
    }

    public static void svg(JFreeChart chart, Path target, int width, int height) throws IOException {
        AtomicFiles.write(target, tmp -> {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            chart.draw(g, new Rectangle(0, 0, width, height));
            SVGUtils.writeToSVG(tmp.toFile(), g.getSVGElement());
        });
    }
}
