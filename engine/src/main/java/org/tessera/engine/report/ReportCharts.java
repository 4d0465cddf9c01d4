package org.tessera.engine.report;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeriesCollection;
import org.tessera.engine.analysis.EvalPoint;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;

/** Builds the report's JFreeChart charts (AWT only, no JavaFX) from the {@link ReportDatasets}. */
public final class ReportCharts {
    /** A margin around 0..1 so that markers on the edges (the base model's jigsaw score of 0) stay whole. */
    private static final double EDGE = 0.02;

    private ReportCharts() {
    }

    /** Retained knowledge vs jigsaw accuracy, a trajectory per run, the base model (step 0) labelled. */
    public static JFreeChart tradeoff(XYSeriesCollection data, ReportRun labelBaseOf) {
        JFreeChart chart = lines("Learning vs forgetting: trajectory per run (step 0 = base model)",
                "jigsaw exact accuracy (held-out)", "retained knowledge, average accuracy", data);
        XYPlot plot = chart.getXYPlot();
        for (NumberAxis axis : new NumberAxis[] {(NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis()}) {
            axis.setRange(-EDGE, 1 + EDGE);
            axis.setTickUnit(new NumberTickUnit(0.1));
        }
        EvalPoint base = labelBaseOf == null ? null : labelBaseOf.base();
        if (base != null && Double.isFinite(base.jigsawExact()) && Double.isFinite(base.knowledgeAverage())) {
            XYTextAnnotation a = new XYTextAnnotation("  base model (step 0)", base.jigsawExact(),
                    base.knowledgeAverage());
            a.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            a.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            plot.addAnnotation(a);
        }
        return chart;
    }

    /** A metric against the training step, a line per run, the value axis fixed to 0..1 (accuracies). */
    public static JFreeChart versusStep(String title, String valueLabel, XYSeriesCollection data) {
        JFreeChart chart = lines(title, "step", valueLabel, data);
        NumberAxis y = (NumberAxis) chart.getXYPlot().getRangeAxis();
        y.setRange(-EDGE, 1 + EDGE);
        y.setTickUnit(new NumberTickUnit(0.1));
        ((NumberAxis) chart.getXYPlot().getDomainAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return chart;
    }

    /** Per-family change of knowledge accuracy since step 0, a bar per run. */
    public static JFreeChart knowledgeChange(DefaultCategoryDataset data) {
        JFreeChart chart = bars("Retained knowledge: accuracy change per family (last eval - step 0)",
                "knowledge family", "accuracy change", data, true);
        chart.getCategoryPlot().getRangeAxis().setRange(-1.0, 1.0);
        return chart;
    }

    /** Median perplexity per data kind under the base model, on a log axis when every value is positive. */
    public static JFreeChart perplexity(DefaultCategoryDataset data) {
        JFreeChart chart = bars("Training data: median perplexity under the model", "data kind",
                "median perplexity", data, false);
        boolean positive = true;
        for (int c = 0; c < data.getColumnCount(); c++) {
            Number v = data.getValue(0, c);
            positive &= v != null && v.doubleValue() > 0;
        }
        if (positive && data.getColumnCount() > 0) {
            LogAxis log = new LogAxis("median perplexity (log scale)");
            log.setSmallestValue(1.0); // a perplexity is at least 1
            log.setTickUnit(new NumberTickUnit(1.0)); // one tick per power of ten
            log.setNumberFormatOverride(new java.text.DecimalFormat("#,##0.###"));
            chart.getCategoryPlot().setRangeAxis(log);
        }
        return chart;
    }

    /** Normalised influence magnitude (eNTK lower bound) per data kind. */
    public static JFreeChart influence(DefaultCategoryDataset data) {
        return bars("Influence on prior knowledge: normalised magnitude per data kind", "data kind",
                "mean |Delta| / (eta |r(v)| |r(u)|)  (eNTK lower bound)", data, false);
    }

    private static JFreeChart lines(String title, String x, String y, XYDataset data) {
        JFreeChart chart = ChartFactory.createXYLineChart(title, x, y, data, PlotOrientation.VERTICAL, true, false,
                false);
        XYPlot plot = chart.getXYPlot();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        plot.setRenderer(r);
        style(chart);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    private static JFreeChart bars(String title, String x, String y, CategoryDataset data, boolean legend) {
        JFreeChart chart = ChartFactory.createBarChart(title, x, y, data, PlotOrientation.VERTICAL, legend, false,
                false);
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer r = (BarRenderer) plot.getRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        style(chart);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return chart;
    }

    /** Okabe-Ito colours: distinct for colour-blind readers and readable on white (JFreeChart's yellow is not). */
    private static final Paint[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999)};

    private static void style(JFreeChart chart) {
        chart.getPlot().setDrawingSupplier(new DefaultDrawingSupplier(PALETTE,
                DefaultDrawingSupplier.DEFAULT_FILL_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        chart.setBackgroundPaint(Color.WHITE);
        chart.getPlot().setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    }
}
