package org.tessera.app.analysis;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import org.jfree.chart.JFreeChart;
import org.tessera.app.charts.ChartExport;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;

/**
 * Export buttons of one analysis chart: PNG and SVG of the chart, CSV of the chart's data and CSV of the table. The
 * chart is rebuilt from the panel's current (immutable) result for each export, so the worker that draws it shares
 * nothing with the chart on screen.
 */
final class ExportBar extends FlowPane {
    /** A table to write as CSV. */
    record Csv(List<String> header, List<List<Object>> rows) {
    }

    private final String fileStem;
    private final Supplier<JFreeChart> chart;
    private final ExportFiles files;
    private final TaskExecutor executor;
    private final Consumer<String> status;
    private final List<Button> buttons;

    ExportBar(String idPrefix, String fileStem, Supplier<JFreeChart> chart, Supplier<Csv> chartData,
              Supplier<Csv> table, ExportFiles files, TaskExecutor executor, Consumer<String> status) {
        super(8, 8);
        this.fileStem = fileStem;
        this.chart = chart;
        this.files = files;
        this.executor = executor;
        this.status = status;
        buttons = List.of(button(idPrefix, "PNG…", "png", null), button(idPrefix, "SVG…", "svg", null),
                button(idPrefix, "CSV…", "csv", chartData), button(idPrefix, "Table CSV…", "table.csv", table));
        getChildren().add(new Label("Export"));
        getChildren().addAll(buttons);
        setAvailable(false);
    }

    /** Enables the buttons once there is something to export (and a way to ask where). */
    void setAvailable(boolean available) {
        buttons.forEach(b -> b.setDisable(!available || files == null));
    }

    private Button button(String idPrefix, String text, String kind, Supplier<Csv> csv) {
        Button b = new Button(text);
        b.setId(idPrefix + "-export-" + kind.replace('.', '-'));
        b.setOnAction(e -> {
            String extension = kind.endsWith("csv") ? "csv" : kind;
            String name = kind.equals("table.csv") ? fileStem + "-table" : fileStem;
            files.saveAs(getScene() == null ? null : getScene().getWindow(), name, extension)
                    .ifPresent(target -> export(kind, target, csv));
        });
        return b;
    }

    /** Writes one export off the UI thread; {@code kind} is png, svg, csv (chart data) or table.csv. */
    void export(String kind, Path target, Supplier<Csv> csv) {
        JFreeChart copy = kind.equals("png") || kind.equals("svg") ? chart.get() : null;
        Csv data = copy == null ? csv.get() : null;
        BackgroundTask.wrap(() -> {
                    switch (kind) {
                        case "png" -> ChartExport.png(copy, target);
                        case "svg" -> ChartExport.svg(copy, target);
                        default -> ChartExport.csv(data.header(), data.rows(), target);
                    }
                    return target;
                })
                .onSuccess(t -> status.accept("Exported " + t + "."))
                .onFailure(error -> status.accept("Export failed: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }
}
