package org.tessera.app.analysis;

import org.tessera.app.widgets.ProgressStrip;
import org.tessera.engine.analysis.DataAnalyses;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.engine.analysis.InfluenceSummary;

/**
 * Influence of one SGD step on each data kind on prior-knowledge probes (docs/analysis.md, section 2): a bar per
 * kind of the chosen measure (normalised magnitude by default; the signed mean shows the direction) and a table of
 * every measure. The number of samples is the user's: a few per kind finish in seconds on a CPU; progress shows
 * sample by sample, and Cancel stops between samples.
 */
final class InfluencePanel extends VBox {
    /** A measure to chart, with the summary field it reads. */
    enum Measure {
        ENTK("normalised magnitude: eNTK lower bound", "eNTK lower bound", InfluenceSummary::meanEntkLowerBound),
        PER_UNIT_STEP("|Δ log p| per unit of parameter step", "|Δ| per unit step", InfluenceSummary::meanPerUnitStep),
        SIGNED("sign: mean Δ log p (> 0 raises prior knowledge)", "mean Δ log p", InfluenceSummary::meanSigned),
        POSITIVE("sign: fraction of (probe, sample) pairs with Δ > 0", "fraction Δ > 0",
                InfluenceSummary::positiveFraction);

        final String label;
        final String axis;
        final ToDoubleFunction<InfluenceSummary> value;

        Measure(String label, String axis, ToDoubleFunction<InfluenceSummary> value) {
            this.label = label;
            this.axis = axis;
            this.value = value;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final int DEFAULT_SAMPLES = 4;
    static final int DEFAULT_PROBES = 12;
    static final String DEFAULT_ETA = "1e-4";
    static final int DEFAULT_MEASURED = 1;

    private final DataSelection data;
    private final AnalysisService service;
    private final TaskExecutor executor;
    private final Spinner<Integer> samples = new Spinner<>(1, 1000, DEFAULT_SAMPLES);
    /** The probe gradients are kept as a (probes x parameters) matrix: 120 x 1.9 M floats is about 0.9 GB. */
    private final Spinner<Integer> probes = new Spinner<>(1, 120, DEFAULT_PROBES);
    private final TextField eta = new TextField(DEFAULT_ETA);
    private final Spinner<Integer> measured = new Spinner<>(0, 1000, DEFAULT_MEASURED);
    private final ComboBox<Measure> measure = new ComboBox<>(FXCollections.observableArrayList(Measure.values()));
    private final Button compute = new Button("Compute influence");
    private final ProgressStrip progress = new ProgressStrip("influence");
    private final PanelMessage message = new PanelMessage("influence-message");
    private final ChartViewer viewer;
    private final TableView<DataAnalyses.InfluenceRow> table = Tables.table("influence-table",
            "Choose the data on the left, then Compute.");
    private final ExportBar export;
    private AnalysisService.InfluenceResult result;

    InfluencePanel(DataSelection data, AnalysisService service, TaskExecutor executor, ExportFiles files) {
        super(8);
        this.data = data;
        this.service = service;
        this.executor = executor;
        setId("influence-panel");
        samples.setId("influence-samples");
        probes.setId("influence-probes");
        measured.setId("influence-measured");
        for (Spinner<Integer> s : List.of(samples, probes, measured)) {
            s.setEditable(true);
            s.setPrefWidth(80);
        }
        eta.setId("influence-eta");
        eta.setPrefColumnCount(6);
        measure.setId("influence-measure");
        measure.getSelectionModel().select(Measure.ENTK);
        measure.setOnAction(e -> redraw());
        compute.setId("influence-compute");
        compute.setOnAction(e -> compute());

        viewer = new ChartViewer(bars(List.of(), Measure.ENTK));
        viewer.setId("influence-chart");
        viewer.setPrefSize(640, 300);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        table.getColumns().setAll(List.of(
                Tables.text("kind", r -> r.summary().group()),
                Tables.integer("n", r -> r.summary().n()),
                Tables.number("ppl", DataAnalyses.InfluenceRow::medianPerplexity),
                Tables.number("eNTK ≥", r -> r.summary().meanEntkLowerBound()),
                Tables.number("per step", r -> r.summary().meanPerUnitStep()),
                Tables.number("mean Δ", r -> r.summary().meanSigned()),
                Tables.number("mean |Δ|", r -> r.summary().meanAbs()),
                Tables.number("Δ > 0", r -> r.summary().positiveFraction()),
                Tables.integer("meas.", r -> r.summary().nActual()),
                Tables.number("sign ok", r -> r.summary().signAgreement()),
                Tables.number("s/smp", r -> r.summary().secondsPerSample())));
        Label tableTitle = new Label("Per kind, over every (probe, sample) pair. ppl: median perplexity; eNTK ≥: "
                + "|Δ| / (eta ||r(v)|| ||r(u)||); per step: |Δ| / (eta ||g(u)||); mean Δ: signed change of log p; "
                + "Δ > 0: fraction of pairs raised; meas.: samples also stepped for real; sign ok: first order has "
                + "the measured sign; s/smp: seconds per sample.");
        tableTitle.setWrapText(true);
        tableTitle.getStyleClass().add("field-label");
        export = new ExportBar("influence", "influence", this::currentChart, this::barsCsv, this::tableCsv, files,
                executor, message::showInfo);

        Label hint = new Label("Δ(v,u) = change of log p(v) of a prior-knowledge probe v after one SGD step of size "
                + "eta on sample u, to first order eta·g(v)·g(u); the first 'measured' samples of each kind also get "
                + "the real step. eNTK ≥ normalises |Δ| by the logit-space factors.");
        hint.setWrapText(true);
        hint.getStyleClass().add("field-label");
        hint.setTooltip(org.tessera.app.widgets.Tooltips.of("entk"));
        getChildren().addAll(new FlowPane(8, 8, new Label("Samples per kind"), samples, new Label("Probes"), probes,
                new Label("eta"), eta, new Label("Measured"), measured, compute),
                new FlowPane(8, 8, new Label("Chart"), measure), hint, progress, message, viewer, tableTitle, table, export);
    }

    /** Computes influence off the UI thread; progress and Cancel in the strip. */
    void compute() {
        AnalysisService.DataChoice choice;
        DataAnalyses.InfluenceSettings settings;
        try {
            choice = data.choice(Inputs.value(samples, "Samples per kind"));
            settings = new DataAnalyses.InfluenceSettings(Inputs.value(probes, "Probes"), parseEta(),
                    Inputs.value(measured, "Measured"), 0);
        } catch (IllegalArgumentException e) {
            message.showError(e.getMessage());
            return;
        }
        org.tessera.engine.jobs.JobMonitor p = progress.start();
        compute.setDisable(true);
        message.clear();
        BackgroundTask.wrap(() -> service.influence(choice, settings, p))
                .onSuccess(r -> {
                    finish();
                    show(r);
                })
                .onFailure(error -> {
                    finish();
                    message.showError(PerplexityPanel.failure(error));
                })
                .executeWith(executor);
    }

    private double parseEta() {
        try {
            return Double.parseDouble(eta.getText().strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("eta must be a number such as 1e-4, got '" + eta.getText() + "'");
        }
    }

    private void finish() {
        progress.idle();
        compute.setDisable(false);
    }

    private void show(AnalysisService.InfluenceResult r) {
        result = r;
        table.getItems().setAll(r.kinds());
        redraw();
        export.setAvailable(true);
        message.showNotes(String.format(Locale.ROOT, "%d prior-knowledge probes, eta %s, %,d parameters; probe "
                        + "gradients %s, all %s. %s", r.probes(), r.eta(), r.parameters(), Numbers.seconds(r.probeSeconds()),
                Numbers.seconds(r.seconds()), Caveats.perGroup(r.kinds().stream().mapToInt(k -> k.summary().n())
                        .min().orElse(0), "samples")), r.notes());
    }

    private void redraw() {
        viewer.setChart(currentChart());
    }

    private JFreeChart currentChart() {
        return bars(result == null ? List.of() : result.kinds(), measure.getValue());
    }

    static JFreeChart bars(List<DataAnalyses.InfluenceRow> rows, Measure measure) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (DataAnalyses.InfluenceRow r : rows) {
            data.addValue(measure.value.applyAsDouble(r.summary()), measure.axis, r.summary().group());
        }
        JFreeChart chart = Charts.styled(ChartFactory.createBarChart("Influence on prior knowledge, per data kind",
                "data kind", measure.axis, data, PlotOrientation.VERTICAL, false, true, false));
        CategoryPlot plot = chart.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, new Color(0x1A73E8));
        renderer.setMaximumBarWidth(0.12);
        return chart;
    }

    private ExportBar.Csv barsCsv() {
        Measure m = measure.getValue();
        List<List<Object>> rows = new ArrayList<>();
        for (DataAnalyses.InfluenceRow r : result.kinds()) {
            rows.add(List.<Object>of(r.summary().group(), m.name().toLowerCase(Locale.ROOT),
                    m.value.applyAsDouble(r.summary())));
        }
        return new ExportBar.Csv(List.of("kind", "measure", "value"), rows);
    }

    private ExportBar.Csv tableCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (DataAnalyses.InfluenceRow r : result.kinds()) {
            InfluenceSummary s = r.summary();
            rows.add(List.<Object>of(s.group(), s.n(), s.probes(), s.eta(), r.medianPerplexity(), s.meanSigned(),
                    s.meanAbs(), s.positiveFraction(), s.meanPerUnitStep(), s.meanEntkLowerBound(), s.nActual(),
                    s.actualMeanSigned(), s.actualMeanEntkLowerBound(), s.signAgreement(), s.medianRelativeError(),
                    s.meanGradNorm(), s.secondsPerSample()));
        }
        return new ExportBar.Csv(List.of("kind", "n", "probes", "eta", "median_perplexity", "mean_signed", "mean_abs",
                "positive_fraction", "mean_per_unit_step", "mean_entk_lower_bound", "n_measured",
                "measured_mean_signed", "measured_mean_entk_lower_bound", "sign_agreement", "median_relative_error",
                "mean_grad_norm", "seconds_per_sample"), rows);
    }

    /** Whether a computation is under way (its Compute button is disabled meanwhile). */
    boolean isComputing() {
        return compute.isDisabled();
    }

    // For tests.

    JFreeChart chart() {
        return viewer.getChart();
    }

    void settings(int perKind, int probeCount, int measuredCount) {
        samples.getValueFactory().setValue(perKind);
        probes.getValueFactory().setValue(probeCount);
        measured.getValueFactory().setValue(measuredCount);
    }
}
