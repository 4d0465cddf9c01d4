package org.tessera.app.charts;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.report.ChartFiles;

/**
 * Writes a chart as PNG or SVG and its data as CSV (series, x, y: one row per point, or a table of named columns),
 * readable from Python, each file complete or absent ({@link AtomicFiles}). Shared by the dashboard and the analysis
 * view; the pictures are drawn by the engine's {@link ChartFiles}, as {@code tessera report} draws them.
 */
public final class ChartExport {
    static final int WIDTH = 1000;
    static final int HEIGHT = 600;

    private ChartExport() {
    }

    public static void png(JFreeChart chart, Path target) throws IOException {
        ChartFiles.png(chart, target, WIDTH, HEIGHT);
    }

    public static void svg(JFreeChart chart, Path target) throws IOException {
        ChartFiles.svg(chart, target, WIDTH, HEIGHT);
    }

    public static void csv(XYSeriesCollection data, String xName, String yName, Path target) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp)) {
                w.write("series," + quote(xName) + "," + quote(yName) + "\n");
                for (int s = 0; s < data.getSeriesCount(); s++) {
                    XYSeries series = data.getSeries(s);
                    for (int i = 0; i < series.getItemCount(); i++) {
                        w.write(quote(series.getKey().toString()) + "," + num(series.getX(i).doubleValue()) + ","
                                + num(series.getY(i).doubleValue()) + "\n");
                    }
                }
            }
        });
    }

    /** A table as CSV: the header, then one line per row; numbers as Java writes them, text quoted where needed. */
    public static void csv(List<String> header, List<? extends List<?>> rows, Path target) throws IOException {
        AtomicFiles.write(target, tmp -> {
            try (Writer w = Files.newBufferedWriter(tmp)) {
                w.write(header.stream().map(ChartExport::quote).collect(Collectors.joining(",")) + "\n");
                for (List<?> row : rows) {
                    w.write(row.stream().map(ChartExport::cell).collect(Collectors.joining(",")) + "\n");
                }
            }
        });
    }

    private static String cell(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            return Double.isFinite(v) ? num(v) : "";
        }
        return value == null ? "" : quote(value.toString());
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
