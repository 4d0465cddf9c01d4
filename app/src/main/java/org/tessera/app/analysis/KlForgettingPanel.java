package org.tessera.app.analysis;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.session.RunFeed;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.engine.analysis.EvalPoint;
import org.tessera.engine.analysis.KlForgetting;
import org.tessera.engine.analysis.MetricsReader;
import org.tessera.engine.analysis.KlForgetting.RunRow;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.runs.events.RunEvent;

/**
 * RL's Razor across runs: each run's final KL to the base model on the new task against its change in retained
 * knowledge since step 0, one labelled point per run (coloured by method), Pearson's r over the plotted runs, and
 * the table, whose check boxes choose the runs plotted. Built from the run feed's events (the history when the view
 * opens, then each new evaluation); Refresh reads the runs folder again, strictly, off the UI thread.
 */
final class KlForgettingPanel extends VBox {
    private static final java.util.regex.Pattern STAMP = java.util.regex.Pattern.compile("^\\d{8}-\\d{6}-");

    /** A table row: the run and whether it is plotted. */
    static final class Row {
        final RunRow run;
        final BooleanProperty plotted = new SimpleBooleanProperty(true);

        Row(RunRow run) {
            this.run = run;
        }

        boolean plottable() {
            return Double.isFinite(run.finalKlTask()) && Double.isFinite(run.knowledgeChange());
        }
    }

    private final Path runsDir;
    private final AnalysisService service;
    private final TaskExecutor executor;
    private final Label pearson = new Label();
    private final PanelMessage message = new PanelMessage("kl-message");
    private final ChartViewer viewer;
    private final TableView<Row> table = Tables.table("kl-table", "No run with evaluations yet.");
    private final ExportBar export;
    private final Button refresh = new Button("Refresh");
    /** UI thread: every run's evaluations as the feed delivered them, and its method's name (read once). */
    private final Map<RunFolder, List<EvalPoint>> liveEvals = new LinkedHashMap<>();
    private final Map<Path, String> methods = new HashMap<>();
    private boolean refreshing;
    private boolean stale;

    KlForgettingPanel(RunFeed feed, Path runsDir, AnalysisService service, TaskExecutor executor, ExportFiles files) {
        super(8);
        this.runsDir = runsDir;
        this.service = service;
        this.executor = executor;
        setId("kl-panel");
        refresh.setId("kl-refresh");
        refresh.setOnAction(e -> refresh());
        pearson.setId("kl-pearson");
        pearson.setWrapText(true);
        viewer = new ChartViewer(scatter(List.of()));
        viewer.setId("kl-chart");
        viewer.setPrefSize(640, 320);
        VBox.setVgrow(viewer, Priority.ALWAYS);

        TableColumn<Row, Boolean> plot = new TableColumn<>("plot");
        plot.setCellValueFactory(cell -> cell.getValue().plotted);
        plot.setCellFactory(CheckBoxTableCell.forTableColumn(plot));
        plot.setEditable(true);
        plot.setMaxWidth(50);
        table.setEditable(true);
        table.getColumns().setAll(List.of(plot,
                Tables.text("run", r -> r.run.run()),
                Tables.text("method", r -> r.run.method()),
                Tables.text("step", r -> Long.toString(r.run.finalStep())),
                Tables.number("KL task", r -> r.run.finalKlTask()),
                Tables.number("KL knowledge", r -> r.run.finalKlKnowledge()),
                Tables.number("knowledge @0", r -> r.run.knowledgeAtStart()),
                Tables.number("knowledge", r -> r.run.knowledgeAtEnd()),
                Tables.number("change", r -> r.run.knowledgeChange()),
                Tables.number("jigsaw exact", r -> r.run.jigsawExact())));
        export = new ExportBar("kl", "kl-vs-forgetting", this::currentChart, this::tableCsv, this::tableCsv, files,
                executor, message::showInfo);

        Label hint = new Label("RL's Razor: forgetting tracks the KL divergence from the base model measured on the "
                + "new task, so it predicts r < 0. Runs from " + runsDir + "; a run needs evaluations at step 0 and "
                + "later.");
        hint.setWrapText(true);
        hint.getStyleClass().add("field-label");
        getChildren().addAll(new FlowPane(8, 8, refresh, pearson), hint, message, viewer, table, export);

        // The feed's events, parsed once by the run manager, are all the table needs: no run is read from disk on an
        // event (only its experiment.json once, for the method's name). A live run reports its state at every poll:
        // only a new run or a new evaluation changes the table. Refresh re-reads the folder strictly, naming
        // damaged lines.
        feed.subscribe(batch -> {
            boolean changed = false;
            for (RunFolder run : batch.states().keySet()) {
                changed |= liveEvals.putIfAbsent(run, new ArrayList<>()) == null;
            }
            for (Map.Entry<RunFolder, List<RunEvent>> e
                    : batch.metrics().entrySet()) {
                List<EvalPoint> points = liveEvals.computeIfAbsent(e.getKey(), r -> new ArrayList<>());
                for (RunEvent event : e.getValue()) {
                    EvalPoint p = event instanceof EvalEvent eval
                            ? MetricsReader.evalPoint(eval) : null;
                    if (p != null) {
                        points.add(p);
                        changed = true;
                    }
                }
            }
            if (changed) {
                showLive();
            }
        });
    }

    /** The table from the events the feed delivered so far. */
    private void showLive() {
        List<KlForgetting.RunSeries> runs = new ArrayList<>();
        liveEvals.entrySet().stream().sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(RunFolder::name)))
                .forEach(e -> runs.add(new KlForgetting.RunSeries(e.getKey().name(),
                        methods.computeIfAbsent(e.getKey().dir(), KlForgetting::method), e.getValue())));
        show(new AnalysisService.KlResult(runsDir, KlForgetting.table(runs), List.of()));
    }

    /** Reads the runs folder again off the UI thread; a request while one runs is served once it ends. */
    void refresh() {
        if (refreshing) {
            stale = true;
            return;
        }
        refreshing = true;
        stale = false;
        refresh.setDisable(true);
        BackgroundTask.wrap(() -> service.klForgetting(runsDir))
                .onSuccess(r -> {
                    done();
                    show(r);
                })
                .onFailure(error -> {
                    done();
                    message.showError("Cannot read the runs: " + ErrorMessages.describe(error));
                })
                .executeWith(executor);
    }

    private void done() {
        refreshing = false;
        refresh.setDisable(false);
        if (stale) {
            refresh();
        }
    }

    private void show(AnalysisService.KlResult r) {
        Map<String, Boolean> before = new HashMap<>();
        table.getItems().forEach(row -> before.put(row.run.run(), row.plotted.get()));
        List<Row> rows = new ArrayList<>();
        for (RunRow run : r.table().runs()) {
            Row row = new Row(run);
            row.plotted.set(row.plottable() && before.getOrDefault(run.run(), true));
            row.plotted.addListener((obs, o, v) -> redraw());
            rows.add(row);
        }
        table.getItems().setAll(rows);
        long unplottable = rows.stream().filter(row -> !row.plottable()).count();
        List<String> notes = new ArrayList<>(r.problems());
        if (unplottable > 0) {
            notes.add(unplottable + " run(s) lack a final KL on the task or a step-0 evaluation and are not plotted.");
        }
        if (notes.isEmpty()) {
            message.clear();
        } else {
            message.showNotes(r.problems().isEmpty() ? "" : "Left out (damaged metrics):", notes);
        }
        export.setAvailable(!rows.isEmpty());
        redraw();
    }

    private List<RunRow> plotted() {
        return table.getItems().stream().filter(row -> row.plotted.get() && row.plottable()).map(row -> row.run)
                .toList();
    }

    private void redraw() {
        List<RunRow> runs = plotted();
        double r = KlForgetting.pearson(runs.stream()
                .map(run -> new double[] {run.finalKlTask(), run.knowledgeChange()}).toList());
        pearson.setText(runs.size() < 3
                ? "Pearson r needs at least 3 plotted runs (" + runs.size() + " now)."
                : String.format(Locale.ROOT, "Pearson r(final KL task, knowledge change) = %s over %d runs. %s",
                        Numbers.format(r), runs.size(), Caveats.correlation(r, runs.size())));
        viewer.setChart(currentChart());
    }

    private JFreeChart currentChart() {
        return scatter(plotted());
    }

    /** One series per method; every point labelled with its run's name (without the date stamp where unique). */
    static JFreeChart scatter(List<RunRow> runs) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, List<String>> labels = new LinkedHashMap<>();
        for (RunRow run : runs) {
            int i = data.getSeriesIndex(run.method());
            XYSeries s = i >= 0 ? data.getSeries(i) : new XYSeries(run.method(), false, true);
            if (i < 0) {
                data.addSeries(s);
            }
            s.add(run.finalKlTask(), run.knowledgeChange());
            labels.computeIfAbsent(run.method(), m -> new ArrayList<>()).add(label(run, runs));
        }
        JFreeChart chart = Charts.styled(ChartFactory.createScatterPlot(
                "KL to the base model vs forgetting, one point per run", "final KL(policy || base) on the task",
                "knowledge change since step 0", data, PlotOrientation.VERTICAL, true, true, false));
        XYPlot plot = chart.getXYPlot();
        // room around the points for their labels (runs with no KL sit on the axes)
        for (org.jfree.chart.axis.ValueAxis axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            ((org.jfree.chart.axis.NumberAxis) axis).setAutoRangeStickyZero(false);
            axis.setUpperMargin(0.12);
            axis.setLowerMargin(0.12);
        }
        ValueMarker zero = new ValueMarker(0, Color.GRAY, new BasicStroke(1f));
        plot.addRangeMarker(zero);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setDefaultItemLabelGenerator((dataset, series, item) ->
                labels.get(dataset.getSeriesKey(series).toString()).get(item));
        renderer.setDefaultItemLabelsVisible(true);
        plot.setRenderer(renderer);
        return chart;
    }

    private static String label(RunRow run, List<RunRow> all) {
        String shortName = STAMP.matcher(run.run()).replaceFirst("");
        long same = all.stream().filter(r -> STAMP.matcher(r.run()).replaceFirst("").equals(shortName)).count();
        return same == 1 ? shortName : run.run();
    }

    private ExportBar.Csv tableCsv() {
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : table.getItems()) {
            RunRow r = row.run;
            rows.add(List.<Object>of(r.run(), r.method(), row.plotted.get(), r.finalStep(), r.finalKlTask(),
                    r.finalKlKnowledge(), r.knowledgeAtStart(), r.knowledgeAtEnd(), r.knowledgeChange(),
                    r.jigsawExact()));
        }
        return new ExportBar.Csv(List.of("run", "method", "plotted", "final_step", "final_kl_task",
                "final_kl_knowledge", "knowledge_at_start", "knowledge_at_end", "knowledge_change", "jigsaw_exact"),
                rows);
    }

    // For tests.

    JFreeChart chart() {
        return viewer.getChart();
    }

    TableView<Row> table() {
        return table;
    }
}
