package org.tessera.app.charts;

import org.tessera.app.session.RunMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.text.DecimalFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.labels.StandardXYToolTipGenerator;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One dashboard chart: which metric series it draws for each checked run, and its JFreeChart. A line is keyed
 * "run" or "run · label" when a chart draws several metrics per run. The teaching view builds its trade-off plot
 * with the same factory.
 *
 * <p>In the dashboard a line's colour is its run's ({@link RunColours}) and its style is its metric's
 * ({@link LineStyles}), so the legend needs one grey entry per metric, not one per run and metric (a chart with 18
 * legend entries had no room left for its data); the run list is the colour legend. Hovering a point shows its
 * line, x and y.
 *
 * @param lines which of a run's series the chart draws, given the knowledge metric chosen (accuracy or choice)
 */
public record DashboardChart(String id, String title, String xLabel, String yLabel, boolean tradeoff,
                      LineSource lines, JFreeChart chart, XYSeriesCollection data) {

    public record Line(String series, String label) {
    }

    @FunctionalInterface
    public interface LineSource {
        List<Line> lines(String knowledgeMetric, RunMetrics run);
    }

    public static DashboardChart create(String id, String title, String xLabel, String yLabel, boolean tradeoff,
                                 LineSource lines) {
        XYSeriesCollection data = new XYSeriesCollection();
        JFreeChart chart = ChartFactory.createXYLineChart(title, xLabel, yLabel, data, PlotOrientation.VERTICAL,
                true, true, false);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, tradeoff);
        renderer.setDefaultStroke(new BasicStroke(1.6f));
        renderer.setAutoPopulateSeriesStroke(false);
        DecimalFormat number = new DecimalFormat("0.####");
        renderer.setDefaultToolTipGenerator(new StandardXYToolTipGenerator("{0}: " + yLabel + " {2} at " + xLabel
                + " {1}", number, number));
        plot.setRenderer(renderer);
        return new DashboardChart(id, title, xLabel, yLabel, tradeoff, lines, chart, data);
    }

    /** The line of a run, created on first use; trade-off lines keep step order (x is not monotonic there). */
    public XYSeries series(String key) {
        int i = data.getSeriesIndex(key);
        if (i >= 0) {
            return data.getSeries(i);
        }
        XYSeries s = new XYSeries(key, !tradeoff, true);
        data.addSeries(s);
        return s;
    }

    /**
     * The line of {@code line} for {@code run}, created on first use in the run's colour and the style of the
     * chart's {@code styleIndex}-th metric.
     */
    public XYSeries series(String run, Line line, int styleIndex) {
        String key = key(run, line);
        int i = data.getSeriesIndex(key);
        if (i >= 0) {
            return data.getSeries(i);
        }
        XYSeries s = series(key);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) chart.getXYPlot().getRenderer();
        int index = data.getSeriesCount() - 1;
        renderer.setSeriesPaint(index, RunColours.of(run), false);
        renderer.setSeriesStroke(index, LineStyles.stroke(styleIndex), false);
        return s;
    }

    /**
     * Replaces the legend by a key of line styles, one grey entry per metric label (none when the chart draws one
     * metric): colours are runs, and the run list beside the charts names them.
     */
    public void showLineStyleKey(List<String> labels) {
        Set<String> distinct = new LinkedHashSet<>(labels);
        distinct.remove(null);
        LegendItemCollection items = new LegendItemCollection();
        int k = 0;
        for (String label : distinct) {
            LegendItem item = new LegendItem(label, null, null, null, new java.awt.geom.Line2D.Double(-9, 0, 9, 0),
                    LineStyles.stroke(k++), Color.DARK_GRAY);
            item.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            items.add(item);
        }
        chart.getXYPlot().setFixedLegendItems(items);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setVisible(items.getItemCount() > 1);
            legend.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        }
    }

    public static String key(String run, Line line) {
        return line.label() == null ? run : run + " · " + line.label();
    }
}
