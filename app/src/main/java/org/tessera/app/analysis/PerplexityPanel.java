package org.tessera.app.analysis;

import org.tessera.app.widgets.ProgressStrip;
import java.awt.Color;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.engine.analysis.Distribution;
import org.tessera.engine.analysis.PerplexityAnalysis.KindSummary;

/**
 * Perplexity of each data kind under the base model: a histogram per kind (overlaid, the engine's 20 equal-width
 * bins of each kind) and a table of n, mean, median and spread. Kinds differ by orders of magnitude (a model's own
 * rollouts near 1, teacher traces in the thousands), so perplexity is drawn on a log axis; the mean token NLL (log
 * perplexity, with equal-width bins) is the other choice.
 */
final class PerplexityPanel extends VBox {
    static final String PERPLEXITY = "perplexity (log axis)";
    static final String NLL = "mean token NLL";
    static final int DEFAULT_SAMPLES = 32;
    private static final Color[] COLORS = {new Color(0x1A73E8), new Color(0xD93025), new Color(0x188038),
            new Color(0xF29900), new Color(0x9334E6)};

    private final DataSelection data;
    private final AnalysisService service;
    private final TaskExecutor executor;
    private final Spinner<Integer> samples = new Spinner<>(1, 5000, DEFAULT_SAMPLES);
    private final ComboBox<String> scale = new ComboBox<>(FXCollections.observableArrayList(PERPLEXITY, NLL));
    private final Button compute = new Button("Compute perplexity");
    private final ProgressStrip progress = new ProgressStrip("perplexity");
    private final PanelMessage message = new PanelMessage("perplexity-message");
    private final ChartViewer viewer;
    private final TableView<KindSummary> table = Tables.table("perplexity-table",
            "Choose the data on the left, then Compute.");
    private final ExportBar export;
    private final List<Consumer<Boolean>> settledListeners = new ArrayList<>();
    private AnalysisService.PerplexityResult result;

    PerplexityPanel(DataSelection data, AnalysisService service, TaskExecutor executor, ExportFiles files) {
        super(8);
        this.data = data;
        this.service = service;
        this.executor = executor;
        setId("perplexity-panel");
        samples.setId("perplexity-samples");
        samples.setEditable(true);
        samples.setPrefWidth(90);
        scale.setId("perplexity-scale");
        scale.getSelectionModel().select(PERPLEXITY);
        scale.setOnAction(e -> redraw());
        compute.setId("perplexity-compute");
        compute.setDefaultButton(true);
        compute.setOnAction(e -> compute());

        viewer = new ChartViewer(histogram(List.of(), false));
        viewer.setId("perplexity-chart");
        viewer.setPrefSize(640, 300);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        table.getColumns().setAll(List.of(
                Tables.text("kind", KindSummary::kind),
                Tables.integer("n", KindSummary::n),
                Tables.number("mean", k -> k.perplexity().mean()),
                Tables.number("median", k -> k.perplexity().median()),
                Tables.number("p05", k -> k.perplexity().p05()),
                Tables.number("p95", k -> k.perplexity().p95()),
                Tables.number("median NLL", k -> k.meanNll().median()),
                Tables.number("tokens", KindSummary::meanTokens)));
        Label tableTitle = new Label("Per-sample perplexity by kind (NLL: mean token NLL in nats; tokens: mean "
                + "completion length, EOS included)");
        tableTitle.getStyleClass().add("field-label");
        export = new ExportBar("perplexity", "perplexity", this::currentChart, this::histogramCsv, this::tableCsv,
                files, executor, message::showInfo);

        Label hint = new Label("Perplexity = exp(mean token NLL) of each sample's completion (EOS included), "
                + "teacher-forced under the base model. Low: the model already finds the data likely.");
        hint.setWrapText(true);
        hint.getStyleClass().add("field-label");
        getChildren().addAll(new FlowPane(8, 8, new Label("Samples per kind"), samples, compute,
                new Label("Histogram of"), scale), hint, progress, message, viewer, tableTitle, table, export);
    }

    /** Computes perplexity off the UI thread for the data chosen on the left. */
    void compute() {
        AnalysisService.DataChoice choice;
        try {
            choice = data.choice(Inputs.value(samples, "Samples per kind"));
        } catch (IllegalArgumentException e) {
            message.showError(e.getMessage());
            fireSettled(false);
            return;
        }
        org.tessera.engine.jobs.JobMonitor p = progress.start();
        compute.setDisable(true);
        message.clear();
        BackgroundTask.wrap(() -> service.perplexity(choice, p))
                .onSuccess(r -> {
                    finish();
                    show(r);
                    fireSettled(true);
                })
                .onFailure(error -> {
                    finish();
                    message.showError(failure(error));
                    fireSettled(false);
                })
                .executeWith(executor);
    }

    private void finish() {
        progress.idle();
        compute.setDisable(false);
    }

    static String failure(Throwable error) {
        return error instanceof java.util.concurrent.CancellationException ? "Cancelled; nothing was changed."
                : "Not computed: " + ErrorMessages.describe(error);
    }

    private void show(AnalysisService.PerplexityResult r) {
        result = r;
        table.getItems().setAll(r.kinds());
        redraw();
        export.setAvailable(true);
        message.showNotes(String.format(Locale.ROOT, "%d samples under %s in %s.", r.samples(), r.model(),
                Numbers.seconds(r.seconds())), r.notes());
    }

    private void redraw() {
        viewer.setChart(currentChart());
    }

    private JFreeChart currentChart() {
        return histogram(result == null ? List.of() : result.kinds(), NLL.equals(scale.getValue()));
    }

    /** One translucent bar series per kind, each bar spanning its bin. */
    static JFreeChart histogram(List<KindSummary> kinds, boolean nll) {
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (KindSummary k : kinds) {
            Distribution d = nll ? k.meanNll() : k.perplexity();
            XYIntervalSeries s = new XYIntervalSeries(k.kind() + " (n=" + k.n() + ")");
            double[] edges = d.binEdges();
            // a kind whose samples all score the same has zero-width bins: draw them one percent wide
            double pad = edges.length > 0 && edges[0] == edges[edges.length - 1] ? Math.abs(edges[0]) * 0.01 + 1e-9
                    : 0;
            for (int i = 0; i < d.binCounts().length; i++) {
                double lo = edges[i] - pad;
                double hi = edges[i + 1] + pad;
                s.add((lo + hi) / 2, lo, hi, d.binCounts()[i], 0, d.binCounts()[i]);
            }
            data.addSeries(s);
        }
        String x = nll ? "mean token NLL (nats)" : "perplexity (log scale)";
        JFreeChart chart = Charts.styled(ChartFactory.createXYBarChart("Perplexity under the base model, per data kind",
                x, false, "samples", data, PlotOrientation.VERTICAL, true, true, false));
        XYPlot plot = chart.getXYPlot();
        if (!nll) {
            LogAxis axis = new LogAxis(x);
            axis.setSmallestValue(0.5);
            axis.setTickUnit(new NumberTickUnit(1), false, true); // one tick per power of ten (auto units gave 31.62)
            axis.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            plot.setDomainAxis(axis);
        }
        XYBarRenderer renderer = (XYBarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        for (int i = 0; i < kinds.size(); i++) {
            Color c = COLORS[i % COLORS.length];
            renderer.setSeriesPaint(i, new Color(c.getRed(), c.getGreen(), c.getBlue(), 110));
            renderer.setSeriesOutlinePaint(i, c);
        }
        return chart;
    }

    private ExportBar.Csv histogramCsv() {
        boolean nll = NLL.equals(scale.getValue());
        List<List<Object>> rows = new ArrayList<>();
        for (KindSummary k : result.kinds()) {
            Distribution d = nll ? k.meanNll() : k.perplexity();
            for (int i = 0; i < d.binCounts().length; i++) {
                rows.add(List.<Object>of(k.kind(), d.binEdges()[i], d.binEdges()[i + 1], d.binCounts()[i]));
            }
        }
        String x = nll ? "mean_nll" : "perplexity";
        return new ExportBar.Csv(List.of("kind", x + "_low", x + "_high", "count"), rows);
    }

    private ExportBar.Csv tableCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (KindSummary k : result.kinds()) {
            Distribution p = k.perplexity();
            rows.add(List.<Object>of(k.kind(), k.n(), p.mean(), p.median(), p.std(), p.min(), p.p05(), p.p25(), p.p75(),
                    p.p95(), p.max(), k.meanNll().mean(), k.meanNll().median(), k.meanTokens()));
        }
        return new ExportBar.Csv(List.of("kind", "n", "mean_perplexity", "median_perplexity", "std", "min", "p05",
                "p25", "p75", "p95", "max", "mean_nll", "median_nll", "mean_tokens"), rows);
    }

    /** Called on the UI thread after each computation, with whether it succeeded. */
    void addSettledListener(Consumer<Boolean> listener) {
        settledListeners.add(listener);
    }

    private void fireSettled(boolean ok) {
        List.copyOf(settledListeners).forEach(l -> l.accept(ok));
    }

    /** Whether a computation is under way (its Compute button is disabled meanwhile). */
    boolean isComputing() {
        return compute.isDisabled();
    }

    // For tests.

    JFreeChart chart() {
        return viewer.getChart();
    }

    ExportBar exportBar() {
        return export;
    }

    void setSamples(int n) {
        samples.getValueFactory().setValue(n);
    }
}
