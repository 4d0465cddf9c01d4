package org.tessera.app.dashboard;

import org.tessera.app.charts.ChartExport;
import org.tessera.app.charts.ChartRedraws;
import org.tessera.app.charts.DashboardChart;
import org.tessera.app.session.RunMetrics;
import org.tessera.app.widgets.ExportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.tessera.app.session.RunFeed;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.engine.runs.RunFolder;

/**
 * Live charts of runs' metrics, several runs overlaid (checked in the list): jigsaw exact and retained knowledge
 * against step, the trade-off between the two, per-family knowledge, reward, KL, loss and learning rate.
 *
 * <p>Events reach it through the {@link RunFeed}, already read and parsed off the UI thread and coalesced (one
 * UI-thread hand-over per flush). Here they only become points; the charts are redrawn by {@link ChartRedraws}:
 * once per chart for all changes within 25 ms, spread over animation frames, and not at all while the dashboard is
 * not showing.
 */
public final class DashboardView extends HBox {
    private static final int AUTO_CHECKED = 4;

    private final TaskExecutor executor;
    private final ExportFiles exportFiles;
    private final ListView<String> runList = new ListView<>();
    private final Map<String, BooleanProperty> checked = new HashMap<>();
    private final Map<String, RunMetrics> metrics = new LinkedHashMap<>();
    private final ComboBox<String> knowledgeMetric = new ComboBox<>(FXCollections.observableArrayList(RunMetrics.KNOWLEDGE_METRICS));
    private final List<DashboardChart> charts = new ArrayList<>();
    private final ComboBox<DashboardChart> exportChoice = new ComboBox<>();
    private final Label status = new Label();
    private final ChartRedraws redraws = new ChartRedraws();

    public DashboardView(RunFeed feed, TaskExecutor executor, ExportFiles exportFiles) {
        super(12);
        this.executor = executor;
        this.exportFiles = exportFiles;
        setId("dashboard-view");
        createCharts();

        runList.setId("dashboard-runs");
        runList.setCellFactory(CheckBoxListCell.forListView(this::checkedProperty));
        runList.setPrefWidth(240);
        runList.setPlaceholder(new Label("No runs yet."));
        knowledgeMetric.setId("knowledge-metric");
        knowledgeMetric.getSelectionModel().select("accuracy");
        knowledgeMetric.setOnAction(e -> rebuild());
        Label runsTitle = new Label("Runs to overlay");
        runsTitle.getStyleClass().add("section-title");
        Label metricTitle = new Label("Knowledge measured by");
        metricTitle.getStyleClass().add("section-title");
        Label metricHint = new Label("accuracy: generated answers right;\nchoice: the right candidate is the likeliest;\n"
                + "format: answers in the right form;\nnll: reference answer's NLL (lower is better).");
        metricHint.getStyleClass().add("field-label");
        VBox.setVgrow(runList, Priority.ALWAYS);
        VBox left = new VBox(8, runsTitle, runList, metricTitle, knowledgeMetric, metricHint);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < charts.size(); i++) {
            ChartViewer viewer = new ChartViewer(charts.get(i).chart());
            viewer.setId("chart-" + charts.get(i).id());
            viewer.setPrefSize(440, 300);
            redraws.track(viewer);
            grid.add(viewer, i % 2, i / 2);
        }
        ScrollPane scroll = new ScrollPane(grid);
        VBox.setVgrow(scroll, Priority.ALWAYS);

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
        FlowPane export = new FlowPane(8, 8, new Label("Export"), exportChoice, exportButton("PNG…", "png"),
                exportButton("SVG…", "svg"), exportButton("CSV…", "csv"));
        status.setId("dashboard-status");
        Label title = new Label("Dashboard");
        title.getStyleClass().add("view-title");
        VBox right = new VBox(8, title, export, status, scroll);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);

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
    }

    private BooleanProperty checkedProperty(String run) {
        return checked.computeIfAbsent(run, r -> {
            BooleanProperty p = new SimpleBooleanProperty(false);
            p.addListener((obs, o, v) -> rebuild());
            return p;
        });
    }

    private void accept(RunFeed.Batch batch) {
        for (RunFolder run : batch.states().keySet()) {
            addRun(run.name());
        }
        String m = knowledgeMetric.getValue();
        for (Map.Entry<RunFolder, List<JsonNode>> e : batch.metrics().entrySet()) {
            String run = e.getKey().name();
            addRun(run);
            RunMetrics rm = metrics.get(run);
            RunMetrics.Added added = rm.add(e.getValue());
            if (!checkedProperty(run).get()) {
                continue;
            }
            for (DashboardChart chart : charts) {
                for (DashboardChart.Line line : chart.lines().lines(m, rm)) {
                    List<double[]> points = added.points().get(line.series());
                    if (points == null) {
                        continue;
                    }
                    redraws.changing(chart.chart());
                    XYSeries s = chart.series(DashboardChart.key(run, line));
                    for (double[] p : points) {
                        s.add(p[0], p[1], false);
                    }
                    s.fireSeriesChanged();
                }
            }
        }
    }

    private void addRun(String run) {
        if (metrics.containsKey(run)) {
            return;
        }
        metrics.put(run, new RunMetrics());
        runList.getItems().add(run);
        long on = checked.values().stream().filter(BooleanProperty::get).count();
        if (on < AUTO_CHECKED) {
            checkedProperty(run).set(true);
        }
    }

    /** Redraws every chart from the stored metrics (the checked runs or the knowledge metric changed). */
    private void rebuild() {
        String m = knowledgeMetric.getValue();
        for (DashboardChart chart : charts) {
            redraws.changing(chart.chart());
            chart.data().removeAllSeries();
            for (Map.Entry<String, RunMetrics> e : metrics.entrySet()) {
                if (!checkedProperty(e.getKey()).get()) {
                    continue;
                }
                for (DashboardChart.Line line : chart.lines().lines(m, e.getValue())) {
                    List<double[]> points = e.getValue().get(line.series());
                    if (points.isEmpty()) {
                        continue;
                    }
                    XYSeries s = chart.series(DashboardChart.key(e.getKey(), line));
                    points.forEach(p -> s.add(p[0], p[1], false));
                    s.fireSeriesChanged();
                }
            }
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

    void export(DashboardChart chart, String extension, Path target) {
        // Points keep arriving on the UI thread: the worker draws and writes a snapshot taken here, never the live
        // chart, so a redraw and an export cannot meet in one series.
        org.jfree.data.xy.XYSeriesCollection data;
        org.jfree.chart.JFreeChart copy;
        try {
            data = (org.jfree.data.xy.XYSeriesCollection) chart.data().clone();
            copy = (org.jfree.chart.JFreeChart) chart.chart().clone();
            copy.getXYPlot().setDataset(data);
        } catch (CloneNotSupportedException e) {
            status.setText("Export failed: " + ErrorMessages.describe(e));
            return;
        }
        BackgroundTask.wrap(() -> {
                    switch (extension) {
                        case "png" -> ChartExport.png(copy, target);
                        case "svg" -> ChartExport.svg(copy, target);
                        default -> ChartExport.csv(data, chart.xLabel(), chart.yLabel(), target);
                    }
                    return target;
                })
                .onSuccess(t -> status.setText("Exported " + t + "."))
                .onFailure(error -> status.setText("Export failed: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    /** The redraw scheduler of the charts, for tests. */
    ChartRedraws redraws() {
        return redraws;
    }

    /** A chart by id (jigsaw, knowledge, tradeoff, families, reward, kl, loss, lr), for tests. */
    DashboardChart chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
