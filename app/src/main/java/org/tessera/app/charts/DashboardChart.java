package org.tessera.app.charts;

import org.tessera.app.session.RunMetrics;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * One dashboard chart: which metric series it draws for each checked run, and its JFreeChart. A line is keyed
 * "run" or "run · label" when a chart draws several metrics per run. The teaching view builds its trade-off plot
 * with the same factory.
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

    public static String key(String run, Line line) {
        return line.label() == null ? run : run + " · " + line.label();
    }
}
