package org.tessera.app.model;

import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.ProgressStrip;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tessera.app.session.ModelService;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.engine.benchmarks.BenchmarkSuite;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.world.KnowledgeSuite;
import org.tessera.engine.world.SuiteResult;

/**
 * The loaded model's retained-knowledge scores: runs the engine's knowledge suite (the world's families, or the
 * benchmark files of a folder, one row per benchmark: docs/benchmarks.md) on the task executor and shows one row per
 * family plus the unweighted average, with a progress strip whose Cancel stops the suite within one batch. Only
 * wiring and rendering; the suites are the engine's.
 */
final class KnowledgeScoresPanel extends VBox {
    /** One table row: a family's scores, or the average (whose n is blank). */
    record Row(String family, double accuracy, double format, double choice, double nll, Integer n) {
    }

    private final ModelService models;
    private final TaskExecutor executor;
    static final String WORLD = "World families";
    static final String BENCHMARKS = "Benchmark folder";

    private final Spinner<Integer> itemsPerFamily = new Spinner<>(1, KnowledgeSuite.DEFAULT_N * 10, 20);
    private final ComboBox<String> suite = new ComboBox<>(FXCollections.observableArrayList(WORLD, BENCHMARKS));
    private final TextField folder = new TextField();
    private final Button measure = new Button("Measure retained knowledge");
    /** Its own id is {@code knowledge-progress}; Cancel is {@code knowledge-cancel}. */
    private final ProgressStrip progress = new ProgressStrip("knowledge");
    private final Label status = new Label("Scores the model on held-out questions of every world family.");
    private final TableView<Row> table = new TableView<>();

    KnowledgeScoresPanel(ModelService models, TaskExecutor executor) {
        super(8);
        this.models = models;
        this.executor = executor;
        setId("knowledge-panel");
        Label title = new Label("Retained knowledge");
        title.getStyleClass().add("section-title");
        itemsPerFamily.setId("knowledge-n");
        itemsPerFamily.setEditable(true);
        itemsPerFamily.setPrefWidth(90);
        measure.setId("measure-knowledge");
        measure.setOnAction(e -> measure());
        suite.setId("knowledge-suite");
        suite.setValue(WORLD);
        folder.setId("knowledge-benchmarks");
        folder.setPromptText("folder of VLMEvalKit .tsv / .jsonl files");
        folder.setPrefColumnCount(22);
        folder.disableProperty().bind(suite.valueProperty().isNotEqualTo(BENCHMARKS));
        Label nLabel = new Label("Items per family");
        nLabel.getStyleClass().add("field-label");
        HBox controls = new HBox(10, suite, folder, nLabel, itemsPerFamily, measure);
        controls.setAlignment(Pos.CENTER_LEFT);
        status.setId("knowledge-status");
        status.setWrapText(true);

        table.setId("knowledge-table");
        table.setPrefHeight(230);
        table.setPlaceholder(new Label("No scores yet."));
        table.getColumns().setAll(List.of(
                column("Family", Row::family),
                number("Accuracy", r -> percent(r.accuracy())),
                number("Format", r -> percent(r.format())),
                number("Choice", r -> percent(r.choice())),
                number("NLL", r -> String.format(Locale.ROOT, "%.3f", r.nll())),
                number("n", r -> r.n() == null ? "" : Integer.toString(r.n()))));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        getChildren().addAll(title, controls, progress, status, table);
    }

    /** A new model was loaded: its predecessor's scores no longer apply. */
    void clear() {
        table.getItems().clear();
        status.setText("Scores the model on held-out questions of every world family.");
    }

    private void measure() {
        if (BENCHMARKS.equals(suite.getValue())) {
            measureBenchmarks();
            return;
        }
        int n = itemsPerFamily.getValue();
        long[] started = new long[1];
        JobMonitor monitor = start();
        BackgroundTask.wrap(() -> models.measureKnowledge(n, KnowledgeSuite.DEFAULT_SEED, monitor))
                .onRunning(() -> {
                    started[0] = System.nanoTime();
                    status.setText("Measuring on " + n + " held-out items per family …");
                })
                .onSuccess(result -> {
                    finish();
                    table.setItems(FXCollections.observableArrayList(rows(result)));
                    status.setText(String.format(Locale.ROOT, "%s: %d items per family, seed %d, %.1f s.",
                            result.model(), n, KnowledgeSuite.DEFAULT_SEED, (System.nanoTime() - started[0]) / 1e9));
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    private void measureBenchmarks() {
        int n = itemsPerFamily.getValue();
        String text = folder.getText() == null ? "" : folder.getText().strip();
        if (text.isEmpty()) {
            status.setText("Name a folder of benchmark files (VLMEvalKit .tsv or .jsonl), e.g. assets/benchmarks-demo.");
            return;
        }
        Path dir = Path.of(text);
        long[] started = new long[1];
        JobMonitor monitor = start();
        BackgroundTask.wrap(() -> models.measureBenchmarks(dir, n, BenchmarkSuite.DEFAULT_SEED, monitor))
                .onRunning(() -> {
                    started[0] = System.nanoTime();
                    status.setText("Measuring on " + n + " rows per benchmark in " + dir + " …");
                })
                .onSuccess(m -> {
                    finish();
                    table.setItems(FXCollections.observableArrayList(rows(m.result())));
                    String skipped = m.skipped().isEmpty() ? "" : String.format(Locale.ROOT,
                            " %d rows skipped, e.g. %s", m.skipped().size(), m.skipped().get(0));
                    status.setText(String.format(Locale.ROOT, "%s: %d rows per benchmark, seed %d, %.1f s.%s",
                            m.result().model(), n, BenchmarkSuite.DEFAULT_SEED, (System.nanoTime() - started[0]) / 1e9,
                            skipped));
                })
                .onFailure(this::failed)
                .executeWith(executor);
    }

    /** A cancelled suite is not a failure: the table keeps the previous scores, if any. */
    private void failed(Throwable error) {
        finish();
        status.setText(error instanceof CancellationException ? "Cancelled."
                : "Could not measure: " + ErrorMessages.describe(error));
    }

    static List<Row> rows(SuiteResult result) {
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, SuiteResult.FamilyScore> e : result.families().entrySet()) {
            SuiteResult.FamilyScore s = e.getValue();
            rows.add(new Row(e.getKey(), s.accuracy(), s.format(), s.choice(), s.nll(), s.n()));
        }
        SuiteResult.Average a = result.average();
        rows.add(new Row("average", a.accuracy(), a.format(), a.choice(), a.nll(), null));
        return rows;
    }

    /** Shows the strip for a new measurement (UI thread) and returns the worker's monitor. */
    private JobMonitor start() {
        measure.setDisable(true);
        return progress.start();
    }

    private void finish() {
        progress.idle();
        measure.setDisable(false);
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> value) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return c;
    }

    private static TableColumn<Row, String> number(String title, Function<Row, String> value) {
        TableColumn<Row, String> c = column(title, value);
        c.getStyleClass().add("numeric");
        // The header explains the score on hover (Format, Choice, NLL are not self-explanatory).
        String term = title.toLowerCase(Locale.ROOT);
        if (org.tessera.app.widgets.Tooltips.has(term)) {
            Label header = new Label(title);
            header.setTooltip(org.tessera.app.widgets.Tooltips.of(term));
            c.setText(null);
            c.setGraphic(header);
        }
        return c;
    }

    /** A share as a percentage; a score that does not apply (choice of a benchmark without options) as a dash. */
    static String percent(double share) {
        return Double.isNaN(share) ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
