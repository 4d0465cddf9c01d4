package org.tessera.app.dashboard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.tessera.app.charts.ChartExport;
import org.tessera.app.charts.ChartRedraws;
import org.tessera.app.charts.DashboardChart;
import org.tessera.app.charts.RunColours;
import org.tessera.app.charts.Smoothing;
import org.tessera.app.session.RunFeed;
import org.tessera.app.session.RunMetrics;
import org.tessera.app.session.WorkbenchSettings;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.widgets.FolderChooser;
import org.tessera.app.widgets.Tooltips;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunState;

/**
 * Live charts of runs' metrics, several runs overlaid (checked in the list): jigsaw exact and retained knowledge
 * against step, the trade-off between the two, per-family knowledge, reward, KL, loss and learning rate. A run has
 * one colour everywhere ({@link RunColours}); a chart's metrics differ by line style. Running and newly launched
 * runs are overlaid by themselves; at start, the newest runs with metrics are.
 *
 * <p>Events reach it through the {@link RunFeed}, already read and parsed off the UI thread and coalesced (one
 * UI-thread hand-over per flush). Here they only become points; the charts are redrawn by {@link ChartRedraws}:
 * once per chart for all changes within 25 ms, spread over animation frames, and not at all while the dashboard is
 * not showing.
 */
public final class DashboardView extends SplitPane {
    /** Runs overlaid at first: the newest ones with metrics (more make every chart unreadable). */
    static final int AUTO_CHECKED = 4;
    private static final String COLUMNS_KEY = "dashboard.columns";
    private static final String SMOOTHING_KEY = "dashboard.smoothing";

    private final TaskExecutor executor;
    private final ExportFiles exportFiles;
    private final FolderChooser folders;
    private final WorkbenchSettings settings;
    private final ListView<String> runList = new ListView<>();
    private final Map<String, BooleanProperty> checked = new HashMap<>();
    /** Runs whose checkbox the user set: the automatic overlay leaves them as they are. */
    private final Set<String> userChoice = new HashSet<>();
    private final Map<String, RunMetrics> metrics = new LinkedHashMap<>();
    private final Map<String, RunInfo> states = new HashMap<>();
    private final ComboBox<String> knowledgeMetric = new ComboBox<>(FXCollections.observableArrayList(RunMetrics.KNOWLEDGE_METRICS));
    private final List<DashboardChart> charts = new ArrayList<>();
    private final List<ChartViewer> viewers = new ArrayList<>();
    private final ComboBox<DashboardChart> exportChoice = new ComboBox<>();
    private final CheckBox smooth = new CheckBox("Smooth");
    private final Slider smoothWeight = new Slider(0, 0.95, 0.6);
    private final ComboBox<Integer> columns = new ComboBox<>(FXCollections.observableArrayList(1, 2, 3));
    private final GridPane grid = new GridPane();
    private final ScrollPane scroll = new ScrollPane(grid);
    private final Label status = new Label();
    private final ChartRedraws redraws = new ChartRedraws();
    private boolean firstBatch = true;
    private boolean automatic;

    public DashboardView(RunFeed feed, WorkbenchSettings settings, TaskExecutor executor, ExportFiles exportFiles,
                         FolderChooser folders) {
        this.executor = executor;
        this.exportFiles = exportFiles;
        this.folders = folders;
        this.settings = settings;
        setId("dashboard-view");
        createCharts();

        runList.setId("dashboard-runs");
        runList.setCellFactory(list -> new RunCell());
        runList.setPlaceholder(new Label("No runs with metrics yet."));
        knowledgeMetric.setId("knowledge-metric");
        knowledgeMetric.getSelectionModel().select("accuracy");
        knowledgeMetric.setOnAction(e -> rebuild());
        Label runsTitle = new Label("Runs to overlay");
        runsTitle.getStyleClass().add("section-title");
        Label runsHint = new Label("A run keeps its colour in every chart and session. Running and new runs are "
                + "added by themselves; failed runs without metrics are not listed.");
        runsHint.getStyleClass().add("field-label");
        runsHint.setWrapText(true);
        Label metricTitle = new Label("Knowledge measured by");
        metricTitle.getStyleClass().add("section-title");
        Label metricHint = new Label("accuracy: generated answers right;\nchoice: the right candidate is the likeliest;\n"
                + "format: answers in the right form;\nnll: reference answer's NLL (lower is better).");
        metricHint.getStyleClass().add("field-label");
        Tooltips.install(knowledgeMetric, "knowledge");
        VBox.setVgrow(runList, Priority.ALWAYS);
        VBox left = new VBox(8, runsTitle, runList, runsHint, metricTitle, knowledgeMetric, metricHint);
        left.setMinWidth(180);

        grid.setHgap(8);
        grid.setVgap(8);
        for (DashboardChart chart : charts) {
            ChartViewer viewer = new ChartViewer(chart.chart());
            viewer.setId("chart-" + chart.id());
            Tooltip.install(viewer, Tooltips.of(chart.id()));
            redraws.track(viewer);
            viewers.add(viewer);
        }
        scroll.setFitToWidth(true);
        scroll.viewportBoundsProperty().addListener((obs, o, b) -> layoutCharts());
        VBox.setVgrow(scroll, Priority.ALWAYS);

        columns.setId("dashboard-columns");
        columns.setValue((int) Math.max(1, Math.min(3, settings.number(COLUMNS_KEY, 2))));
        columns.setOnAction(e -> {
            settings.put(COLUMNS_KEY, columns.getValue());
            layoutCharts();
        });
        smooth.setId("dashboard-smooth");
        smooth.setTooltip(new Tooltip("Exponential moving average of per-step curves (loss, reward, KL), as "
                + "TensorBoard's; the weight is how much of the previous smoothed value each point keeps. The "
                + "trade-off plot and CSV exports of raw data are not smoothed."));
        smoothWeight.setId("dashboard-smooth-weight");
        smoothWeight.setPrefWidth(90);
        smoothWeight.setValue(settings.number(SMOOTHING_KEY, 0.6));
        smooth.setOnAction(e -> rebuild());
        smoothWeight.valueChangingProperty().addListener((obs, o, changing) -> {
            if (!changing) {
                settings.put(SMOOTHING_KEY, smoothWeight.getValue());
                if (smooth.isSelected()) {
                    rebuild();
                }
            }
        });
        exportChoice.setId("export-chart");
        exportChoice.getItems().setAll(charts);
        exportChoice.getSelectionModel().selectFirst();
        exportChoice.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DashboardChart c) {
                return c == null ? "" : c.title();
            }

            @Override
            public DashboardChart fromString(String s) {
                return null;
            }
        });
        Button exportAll = new Button("Export all…");
        exportAll.setId("export-all");
        exportAll.setTooltip(new Tooltip("Writes every chart as PNG, SVG and CSV into a folder you choose."));
        exportAll.setOnAction(e -> folders.titled("Export every chart into this folder")
                .choose(getScene() == null ? null : getScene().getWindow(), null).ifPresent(this::exportAll));
        FlowPane tools = new FlowPane(8, 8, smooth, smoothWeight, new Label("Columns"), columns, new Label("Export"),
                exportChoice, exportButton("PNG…", "png"), exportButton("SVG…", "svg"), exportButton("CSV…", "csv"),
                exportAll);
        status.setId("dashboard-status");
        status.setWrapText(true);
        Label title = new Label("Dashboard");
        title.getStyleClass().add("view-title");
        Label hint = new Label("Hover a line for its values; scroll to zoom a chart, drag to pan, double-click to "
                + "reset. Line styles tell a chart's metrics apart, colours tell runs apart.");
        hint.getStyleClass().add("field-label");
        hint.setWrapText(true);
        VBox right = new VBox(6, title, tools, hint, status, scroll);
        getItems().addAll(left, right);
        setDividerPositions(0.2);
        SplitPane.setResizableWithParent(left, false);
        layoutCharts();

        feed.subscribe(this::accept);
    }

    private void createCharts() {
        charts.add(DashboardChart.create("jigsaw", "Jigsaw exact (held-out)", "step", "exact", false,
                (m, r) -> List.of(new DashboardChart.Line("jigsaw.exact", null))));
        charts.add(DashboardChart.create("knowledge", "Retained knowledge (average)", "step", "knowledge", false,
                (m, r) -> List.of(new DashboardChart.Line("knowledge." + m, null))));
        charts.add(DashboardChart.create("tradeoff", "Trade-off: jigsaw vs knowledge", "jigsaw exact", "knowledge",
                true, (m, r) -> List.of(new DashboardChart.Line("tradeoff." + m, null))));
        charts.add(DashboardChart.create("families", "Knowledge per family", "step", "knowledge", false,
                (m, r) -> r.all().keySet().stream().filter(s -> s.startsWith("family.") && s.endsWith("." + m))
                        .sorted()
                        .map(s -> new DashboardChart.Line(s, s.substring(7, s.length() - m.length() - 1))).toList()));
        charts.add(DashboardChart.create("reward", "GRPO reward", "step", "reward", false, (m, r) -> List.of(
                new DashboardChart.Line("reward_mean", "mean"), new DashboardChart.Line("reward_std", "std"))));
        charts.add(DashboardChart.create("kl", "KL to the base model", "step", "KL", false, (m, r) -> List.of(
                new DashboardChart.Line("kl", "train"), new DashboardChart.Line("kl_knowledge", "knowledge probes"),
                new DashboardChart.Line("kl_task", "task probes"))));
        charts.add(DashboardChart.create("loss", "Training loss", "step", "loss", false,
                (m, r) -> List.of(new DashboardChart.Line("loss", null))));
        charts.add(DashboardChart.create("lr", "Learning rate", "step", "lr", false,
                (m, r) -> List.of(new DashboardChart.Line("lr", null))));
        for (DashboardChart c : charts) {
            c.showLineStyleKey(List.of());
        }
    }

    /** Charts fill the width in the chosen number of columns, each 2:3 high; the grid scrolls. */
    private void layoutCharts() {
        int cols = columns.getValue() == null ? 2 : columns.getValue();
        double width = scroll.getViewportBounds().getWidth();
        double w = Math.max(260, (width > 0 ? width : 900) / cols - grid.getHgap());
        grid.getChildren().clear();
        for (int i = 0; i < viewers.size(); i++) {
            ChartViewer v = viewers.get(i);
            v.setPrefSize(w, Math.max(220, w * 0.62));
            v.setMinSize(w, Math.max(220, w * 0.62));
            grid.add(v, i % cols, i / cols);
        }
    }

    private BooleanProperty checkedProperty(String run) {
        return checked.computeIfAbsent(run, r -> {
            BooleanProperty p = new SimpleBooleanProperty(false);
            p.addListener((obs, o, v) -> {
                if (!automatic) {
                    userChoice.add(r);
                }
                rebuild();
            });
            return p;
        });
    }

    private void setAutomatically(String run, boolean on) {
        automatic = true;
        try {
            checkedProperty(run).set(on);
        } finally {
            automatic = false;
        }
    }

    private void accept(RunFeed.Batch batch) {
        batch.states().forEach((run, info) -> states.put(run.name(), info));
        String m = knowledgeMetric.getValue();
        for (Map.Entry<RunFolder, List<RunEvent>> e : batch.metrics().entrySet()) {
            String run = e.getKey().name();
            boolean added = addRun(run);
            RunMetrics rm = metrics.get(run);
            RunMetrics.Added points = rm.add(e.getValue());
            if (added && !firstBatch && !userChoice.contains(run)) {
                setAutomatically(run, true); // its first metrics arrived while the window was open: overlay it
            }
            if (checkedProperty(run).get()) {
                draw(run, rm, points, m);
            }
        }
        for (Map.Entry<RunFolder, RunInfo> e : batch.states().entrySet()) {
            String run = e.getKey().name();
            RunState state = e.getValue().state();
            boolean emptyStopped = (state == RunState.FAILED || state == RunState.CANCELLED)
                    && !metrics.containsKey(run);
            if (emptyStopped) {
                continue; // nothing to chart, ever: listing it only hides the runs that have data
            }
            boolean added = addRun(run);
            boolean active = state == RunState.QUEUED || state == RunState.RUNNING || state == RunState.PAUSED;
            if ((active || added && !firstBatch) && !userChoice.contains(run) && !checkedProperty(run).get()) {
                setAutomatically(run, true); // launched, resumed or running: watched without a click
            }
        }
        if (firstBatch) {
            firstBatch = false;
            // At start: the newest runs with metrics, plus every active run (already checked above).
            metrics.keySet().stream().sorted(Comparator.reverseOrder()).limit(AUTO_CHECKED)
                    .forEach(run -> setAutomatically(run, true));
        }
    }

    /** Adds a run to the list (sorted newest first); false when it was listed already. */
    private boolean addRun(String run) {
        if (metrics.containsKey(run)) {
            return false;
        }
        metrics.put(run, new RunMetrics());
        runList.getItems().add(run);
        runList.getItems().sort(Comparator.reverseOrder());
        return true;
    }

    private void draw(String run, RunMetrics rm, RunMetrics.Added added, String m) {
        for (DashboardChart chart : charts) {
            List<DashboardChart.Line> lines = chart.lines().lines(m, rm);
            for (int i = 0; i < lines.size(); i++) {
                DashboardChart.Line line = lines.get(i);
                List<double[]> points = added.points().get(line.series());
                if (points == null) {
                    continue;
                }
                redraws.changing(chart.chart());
                XYSeries s = chart.series(run, line, i);
                addPoints(chart, s, points);
                s.fireSeriesChanged();
            }
            if (lines.size() > 1) {
                chart.showLineStyleKey(lines.stream().map(DashboardChart.Line::label).toList());
            }
        }
    }

    private void addPoints(DashboardChart chart, XYSeries s, List<double[]> points) {
        double w = smooth.isSelected() && !chart.tradeoff() ? smoothWeight.getValue() : 0;
        double previous = s.getItemCount() == 0 ? Double.NaN : s.getY(s.getItemCount() - 1).doubleValue();
        for (double[] p : points) {
            previous = Smoothing.next(previous, p[1], w);
            s.add(p[0], previous, false);
        }
    }

    /** Redraws every chart from the stored metrics (the checked runs, the metric or the smoothing changed). */
    private void rebuild() {
        String m = knowledgeMetric.getValue();
        for (DashboardChart chart : charts) {
            redraws.changing(chart.chart());
            chart.data().removeAllSeries();
            List<String> labels = new ArrayList<>();
            for (Map.Entry<String, RunMetrics> e : metrics.entrySet()) {
                if (!checkedProperty(e.getKey()).get()) {
                    continue;
                }
                List<DashboardChart.Line> lines = chart.lines().lines(m, e.getValue());
                for (int i = 0; i < lines.size(); i++) {
                    DashboardChart.Line line = lines.get(i);
                    List<double[]> points = e.getValue().get(line.series());
                    if (points.isEmpty()) {
                        continue;
                    }
                    labels.add(line.label());
                    XYSeries s = chart.series(e.getKey(), line, i);
                    addPoints(chart, s, points);
                    s.fireSeriesChanged();
                }
            }
            chart.showLineStyleKey(labels);
        }
    }

    private Button exportButton(String text, String extension) {
        Button b = new Button(text);
        b.setId("export-" + extension);
        b.setOnAction(e -> {
            DashboardChart chart = exportChoice.getValue();
            if (chart == null) {
                return;
            }
            exportFiles.saveAs(getScene() == null ? null : getScene().getWindow(), chart.id(), extension)
                    .ifPresent(target -> export(chart, extension, target));
        });
        return b;
    }

    /** A copy of a chart and its data that the UI thread no longer changes (points keep arriving on it). */
    private record Snapshot(DashboardChart chart, org.jfree.chart.JFreeChart copy,
                            org.jfree.data.xy.XYSeriesCollection data) {
        static Snapshot of(DashboardChart chart) throws CloneNotSupportedException {
            org.jfree.data.xy.XYSeriesCollection data = (org.jfree.data.xy.XYSeriesCollection) chart.data().clone();
            org.jfree.chart.JFreeChart copy = (org.jfree.chart.JFreeChart) chart.chart().clone();
            copy.getXYPlot().setDataset(data);
            return new Snapshot(chart, copy, data);
        }

        void write(String extension, Path target) throws java.io.IOException {
            switch (extension) {
                case "png" -> ChartExport.png(copy, target);
                case "svg" -> ChartExport.svg(copy, target);
                default -> ChartExport.csv(data, chart.xLabel(), chart.yLabel(), target);
            }
        }
    }

    void export(DashboardChart chart, String extension, Path target) {
        // The worker draws and writes a snapshot taken here, never the live chart, so a redraw and an export
        // cannot meet in one series.
        Snapshot snapshot;
        try {
            snapshot = Snapshot.of(chart);
        } catch (CloneNotSupportedException e) {
            status.setText("Export failed: " + ErrorMessages.describe(e));
            return;
        }
        BackgroundTask.wrap(() -> {
                    snapshot.write(extension, target);
                    return target;
                })
                .onSuccess(t -> status.setText("Exported " + t + "."))
                .onFailure(error -> status.setText("Export failed: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    /** Every chart as PNG, SVG and CSV ({@code <chart id>.png} ...) into {@code dir}. */
    void exportAll(Path dir) {
        List<Snapshot> snapshots = new ArrayList<>();
        try {
            for (DashboardChart chart : charts) {
                snapshots.add(Snapshot.of(chart));
            }
        } catch (CloneNotSupportedException e) {
            status.setText("Export failed: " + ErrorMessages.describe(e));
            return;
        }
        BackgroundTask.wrap(() -> {
                    java.nio.file.Files.createDirectories(dir);
                    int files = 0;
                    for (Snapshot s : snapshots) {
                        for (String ext : List.of("png", "svg", "csv")) {
                            s.write(ext, dir.resolve(s.chart().id() + "." + ext));
                            files++;
                        }
                    }
                    return files;
                })
                .onSuccess(n -> status.setText("Exported " + snapshots.size() + " charts (" + n + " files: PNG, SVG, "
                        + "CSV) to " + dir + "."))
                .onFailure(error -> status.setText("Export failed: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    /** A run in the list: its colour swatch (the colour legend of every chart) and its overlay checkbox. */
    private final class RunCell extends ListCell<String> {
        private final CheckBox box = new CheckBox();
        private final Rectangle swatch = new Rectangle(14, 4);
        private final HBox graphic = new HBox(6, swatch, box);
        private BooleanProperty bound;

        RunCell() {
            graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            box.setOnAction(e -> { });
        }

        @Override
        protected void updateItem(String run, boolean empty) {
            super.updateItem(run, empty);
            if (bound != null) {
                box.selectedProperty().unbindBidirectional(bound);
                bound = null;
            }
            if (empty || run == null) {
                setGraphic(null);
                setText(null);
                setTooltip(null);
                return;
            }
            swatch.setFill(Color.web(RunColours.css(run)));
            box.setText(run);
            bound = checkedProperty(run);
            box.selectedProperty().bindBidirectional(bound);
            RunInfo info = states.get(run);
            setTooltip(new Tooltip(run + (info == null ? "" : "\n" + info.state().id() + ", step " + info.step()
                    + " / " + info.totalSteps())));
            setText(null);
            setGraphic(graphic);
        }
    }

    /** The redraw scheduler of the charts, for tests. */
    ChartRedraws redraws() {
        return redraws;
    }

    /** A chart by id (jigsaw, knowledge, tradeoff, families, reward, kl, loss, lr), for tests. */
    DashboardChart chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    /** Whether a run is overlaid, for tests. */
    boolean overlaid(String run) {
        return checked.containsKey(run) && checked.get(run).get();
    }

    /** The runs listed, newest first, for tests. */
    List<String> listedRuns() {
        return List.copyOf(runList.getItems());
    }
}
