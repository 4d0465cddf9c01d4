package org.tessera.app.runs;

import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.widgets.ExperimentFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.engine.config.Problem;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.RunNotes;
import org.tessera.engine.runs.RunState;

/**
 * The runs view: a launcher (start from a sample or a past run's experiment, edit every field with the engine's
 * validation inline, save, launch) and every run under the runs folder with its state, progress and ETA, controls
 * to pause, resume and cancel, and a diff of two runs' experiments. Runs are separate worker processes owned by
 * the {@link RunManager}; this view renders the feed's coalesced events and never waits on a run.
 */
public final class RunsView extends SplitPane {
    private final RunsWorkspace workspace;
    private final TaskExecutor executor;
    private final ExperimentFiles files;

    private final ExperimentForm form;
    private final TextArea jsonText = new TextArea();
    private final VBox problemList = new VBox(2);
    private final Label launchStatus = new Label();
    private final Button launch = new Button("Launch");
    private final ComboBox<Path> samples = new ComboBox<>();
    private final TableView<RunRow> table = new TableView<>();
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final Map<Path, RunRow> rowsByDir = new LinkedHashMap<>();
    private final RunDetails details;
    private TableColumn<RunRow, String> runColumn;
    private final TableView<ConfigDiff.Line> diff = new TableView<>();
    private final Label diffTitle = new Label("Select two runs and press \"Compare\" to see how their experiments differ.");
    private String sourceName = "experiment";
    private Tab compareTab;
    /** Folder under the runs folder that "Move to trash" moves runs into (the manager lists no folder there). */
    static final String TRASH = ".trash";

    public RunsView(RunsWorkspace workspace, TaskExecutor executor, ExperimentFiles files) {
        this.workspace = workspace;
        this.executor = executor;
        this.files = files;
        this.form = new ExperimentForm(executor, workspace.projectRoot());
        this.details = new RunDetails(executor, this::openFolder);
        setId("runs-view");
        setOrientation(Orientation.HORIZONTAL);
        getItems().addAll(launcher(), runsPane());
        setDividerPositions(0.42);
        workspace.feed().subscribe(batch -> batch.states().forEach(this::update));
    }

    // ---- launcher ----

    private VBox launcher() {
        Label title = new Label("New run");
        title.getStyleClass().add("view-title");
        samples.setId("sample-experiments");
        samples.getItems().setAll(workspace.samples());
        samples.setPromptText(workspace.samples().isEmpty() ? "no sample-configs folder" : "sample experiment");
        samples.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Path p) {
                return p == null ? "" : p.getFileName().toString();
            }

            @Override
            public Path fromString(String s) {
                return null;
            }
        });
        samples.setOnAction(e -> {
            if (samples.getValue() != null) {
                loadFile(samples.getValue());
            }
        });
        Button open = new Button("Open…");
        open.setId("open-experiment");
        open.setOnAction(e -> files.open(window(), workspace.samplesDir()).ifPresent(this::loadFile));
        Button fromRun = new Button("From selected run");
        fromRun.setId("experiment-from-run");
        fromRun.setOnAction(e -> {
            RunRow row = table.getSelectionModel().getSelectedItem();
            if (row == null) {
                launchStatus.setText("Select a run in the table first.");
            } else {
                loadFile(row.folder().experimentFile());
            }
        });
        Button save = new Button("Save as…");
        save.setId("save-experiment");
        save.setOnAction(e -> saveAs());
        launch.setId("launch-run");
        launch.setDefaultButton(true);
        launch.setDisable(true);
        launch.setOnAction(e -> launch());
        FlowPane actions = new FlowPane(8, 8, samples, open, fromRun, save, launch);

        form.setOnValidated(this::showProblems);
        jsonText.setId("experiment-json");
        jsonText.setStyle("-fx-font-family: monospace;");
        Button applyJson = new Button("Apply JSON to the form");
        applyJson.setId("apply-json");
        applyJson.setOnAction(e -> form.load(jsonText.getText()));
        ScrollPane formScroll = new ScrollPane(form);
        formScroll.setFitToWidth(true);
        Tab formTab = new Tab("Form", formScroll);
        Tab jsonTab = new Tab("JSON", new VBox(6, jsonText, applyJson));
        VBox.setVgrow(jsonText, Priority.ALWAYS);
        TabPane tabs = new TabPane(formTab, jsonTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getSelectionModel().selectedItemProperty().addListener((obs, o, tab) -> {
            if (tab == jsonTab) {
                jsonText.setText(form.json());
            }
        });
        VBox.setVgrow(tabs, Priority.ALWAYS);
        problemList.setId("experiment-problems");
        launchStatus.setId("launch-status");
        launchStatus.setWrapText(true);
        VBox box = new VBox(8, title, actions, tabs, problemList, launchStatus);
        box.setMinWidth(380);
        return box;
    }

    /** Reads an experiment file (off the UI thread) into the form, with its defaults filled in when it is valid. */
    public void loadFile(Path file) {
        BackgroundTask.wrap(() -> {
                    String text = Files.readString(file);
                    // A valid file is shown resolved, so every field (defaults included) can be edited.
                    return ExperimentLoader.problems(text).isEmpty()
                            ? ExperimentLoader.toJson(ExperimentLoader.parse(text, file)) : text;
                })
                .onSuccess(text -> {
                    sourceName = file.getFileName().toString().replaceFirst("\\.json$", "");
                    form.load(text);
                    jsonText.setText(text);
                    launchStatus.setText("Loaded " + file + ".");
                })
                .onFailure(error -> launchStatus.setText("Could not read " + file + ": " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    private void showProblems(List<Problem> problems) {
        problemList.getChildren().clear();
        launch.setDisable(!problems.isEmpty() || form.checkingPaths());
        if (problems.isEmpty() && form.checkingPaths()) {
            problemList.getChildren().add(new Label("Checking the model and image folders…"));
            return;
        }
        if (problems.isEmpty()) {
            Label ok = new Label("Valid: ready to launch.");
            ok.getStyleClass().add("valid-message");
            problemList.getChildren().add(ok);
            return;
        }
        Label heading = new Label(problems.size() + (problems.size() == 1 ? " problem:" : " problems:"));
        heading.getStyleClass().add("error-heading");
        problemList.getChildren().add(heading);
        for (Problem p : problems) {
            Label line = new Label(p.path() + ": " + p.message());
            line.getStyleClass().add("error-message");
            line.setWrapText(true);
            problemList.getChildren().add(line);
        }
    }

    private void saveAs() {
        String json = form.json();
        files.saveAs(window(), workspace.samplesDir(), sourceName + ".json").ifPresent(target ->
                BackgroundTask.wrap(() -> {
                            // Temp file + rename: a failed save never leaves half an experiment behind.
                            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
                            Files.writeString(tmp, json + "\n");
                            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                            return target;
                        })
                        .onSuccess(t -> launchStatus.setText("Saved " + t + "."))
                        .onFailure(error -> launchStatus.setText("Not saved: " + ErrorMessages.describe(error)))
                        .executeWith(executor));
    }

    private void launch() {
        String json = form.json();
        BackgroundTask.wrap(() -> workspace.manager().submit(ExperimentLoader.parse(json, Path.of(sourceName))))
                .onRunning(() -> launch.setDisable(true))
                .onSuccess(run -> {
                    launch.setDisable(false);
                    launchStatus.setText("Queued " + run.name() + " in " + workspace.manager().runsDir() + ".");
                })
                .onFailure(error -> {
                    launch.setDisable(false);
                    launchStatus.setText("Not launched: " + ErrorMessages.describe(error));
                })
                .executeWith(executor);
    }

    // ---- runs table ----

    private VBox runsPane() {
        Label title = new Label("Runs");
        title.getStyleClass().add("view-title");
        Label folder = new Label(workspace.manager().runsDir().toString());
        folder.setId("runs-folder");
        table.setId("runs-table");
        table.setItems(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No runs yet in this folder. Launch one on the left."));
        TableColumn<RunRow, Double> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(r -> Bindings.createObjectBinding(() -> r.getValue().info().progress(),
                r.getValue().infoProperty()));
        progress.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                bar.setProgress(value == null ? 0 : value);
                bar.setMaxWidth(Double.MAX_VALUE);
                setGraphic(empty ? null : bar);
            }
        });
        runColumn = column("Run", r -> r.name());
        TableColumn<RunRow, String> label = new TableColumn<>("Label");
        label.setCellValueFactory(r -> Bindings.createStringBinding(() -> r.getValue().notes().label(),
                r.getValue().notesProperty()));
        TableColumn<RunRow, String> message = column("Message", r -> RunRow.message(r.info()));
        message.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty ? null : value);
                // the whole message on hover; the details pane below shows it for the selected run
                setTooltip(empty || value == null || value.isEmpty() ? null : wrapped(value));
            }
        });
        table.getColumns().setAll(List.of(
                RunColumns.readable(runColumn, "20260101-000000-run"),
                RunColumns.readable(label, "a short label"),
                RunColumns.readable(column("State", r -> r.info().state().id()), "cancelled"),
                RunColumns.readable(progress, "progress"),
                RunColumns.readable(column("Step", r -> RunRow.stepText(r.info())), "1000 / 1000"),
                RunColumns.readable(column("ETA", r -> RunRow.eta(r.info())), "10h 00m"),
                RunColumns.readable(column("Device", r -> RunRow.device(r.info())), "cpu()"),
                RunColumns.readable(message, "message text")));
        message.setPrefWidth(420);
        // Unconstrained: every column keeps the width it was given (and saved), the table scrolls sideways when they
        // do not fit. A constrained policy squeezed columns to fit and refused to widen one when all were at minimum.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        RunColumns.remember(table, workspace.settings(), "runs.column.");
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, row) -> details.show(row));

        Button pause = button("Pause", "pause-run", workspace.manager()::pause);
        pause.setTooltip(new javafx.scene.control.Tooltip("Pauses a running run after its current step."));
        Button resume = button("Resume", "resume-run", this::resume);
        resume.setTooltip(new javafx.scene.control.Tooltip("Continues a paused run; a cancelled or failed run "
                + "continues in a new worker from its newest checkpoint (as 'tessera resume' does)."));
        Button cancel = button("Cancel", "cancel-run", workspace.manager()::cancel);
        cancel.setTooltip(new javafx.scene.control.Tooltip("Stops a run after its current step; its metrics and "
                + "last checkpoint are kept, so Resume can continue it."));
        Button compare = new Button("Compare 2 selected");
        compare.setId("compare-runs");
        compare.setOnAction(e -> compare());
        Button trash = new Button("Move to trash");
        trash.setId("trash-run");
        trash.setTooltip(new javafx.scene.control.Tooltip("Moves the selected stopped runs' folders to "
                + ".trash/ in the runs folder (move one back to restore it)."));
        trash.setOnAction(e -> trash());
        FlowPane controls = new FlowPane(8, 8, pause, resume, cancel, compare, trash);

        diff.setId("config-diff");
        diff.setPlaceholder(new Label("No differences to show."));
        diff.getColumns().setAll(List.of(lineColumn("Field", ConfigDiff.Line::path),
                lineColumn("First run", ConfigDiff.Line::left), lineColumn("Second run", ConfigDiff.Line::right)));
        diff.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        diff.setPrefHeight(120);
        diffTitle.setId("diff-title");
        diffTitle.setWrapText(true);
        VBox.setVgrow(table, Priority.ALWAYS);
        compareTab = new Tab("Compare", new VBox(4, diffTitle, diff));
        VBox.setVgrow(diff, Priority.ALWAYS);
        details.getTabs().add(compareTab);
        details.setPrefHeight(200);
        return new VBox(8, title, folder, table, controls, details);
    }

    private void update(RunFolder folder, RunInfo info) {
        RunRow row = rowsByDir.get(folder.dir());
        if (row != null) {
            row.infoProperty().set(info);
            if (row == table.getSelectionModel().getSelectedItem()) {
                details.show(row);
            }
            return;
        }
        row = new RunRow(folder, info);
        rowsByDir.put(folder.dir(), row);
        loadNotes(row);
        rows.add(row);
        RunColumns.fit(runColumn, List.of(row.name()));
        // Newest first: run folder names start with their creation time.
        FXCollections.sort(rows, Comparator.comparing(RunRow::name).reversed());
    }

    private Button button(String text, String id, java.util.function.Consumer<RunFolder> action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> {
            List<RunRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
            if (selected.isEmpty()) {
                launchStatus.setText("Select a run first.");
                return;
            }
            BackgroundTask.wrap(() -> {
                        selected.forEach(r -> action.accept(r.folder()));
                        return selected.size();
                    })
                    .onFailure(error -> launchStatus.setText(text + " failed: " + ErrorMessages.describe(error)))
                    .executeWith(executor);
        });
        return b;
    }

    /** Lifts a pause, or continues a cancelled or failed run in a new worker (the engine's resume logic). */
    private void resume(RunFolder folder) {
        RunInfo info = folder.info();
        if (info.state() == RunState.CANCELLED || info.state() == RunState.FAILED) {
            workspace.manager().continueStopped(folder);
        } else if (info.state() == RunState.FINISHED) {
            throw new IllegalStateException(folder.name() + " already finished; launch a new run to train longer");
        } else {
            workspace.manager().resume(folder);
        }
    }

    private void loadNotes(RunRow row) {
        BackgroundTask.wrap(() -> RunNotes.read(row.folder().dir()))
                .onSuccess(notes -> {
                    row.notesProperty().set(notes);
                    details.notesChanged(row);
                })
                .onFailure(error -> launchStatus.setText("Notes of " + row.name() + " unreadable: "
                        + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    /** Moves stopped runs' folders to {@code .trash/} in the runs folder: recoverable, unlike a delete. */
    private void trash() {
        List<RunRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.isEmpty()) {
            launchStatus.setText("Select a run first.");
            return;
        }
        for (RunRow r : selected) {
            if (!r.info().state().terminal()) {
                launchStatus.setText(r.name() + " is " + r.info().state().id() + ": cancel it before moving it to "
                        + "the trash.");
                return;
            }
        }
        Path trashDir = workspace.manager().runsDir().resolve(TRASH);
        BackgroundTask.wrap(() -> {
                    Files.createDirectories(trashDir);
                    for (RunRow r : selected) {
                        Path target = trashDir.resolve(r.name());
                        for (int i = 2; Files.exists(target); i++) {
                            target = trashDir.resolve(r.name() + "-" + i);
                        }
                        Files.move(r.folder().dir(), target);
                    }
                    return selected.size();
                })
                .onSuccess(n -> {
                    for (RunRow r : selected) {
                        rows.remove(r);
                        rowsByDir.remove(r.folder().dir());
                    }
                    launchStatus.setText("Moved " + n + (n == 1 ? " run" : " runs") + " to " + trashDir
                            + " (move a folder back to restore it).");
                })
                .onFailure(error -> launchStatus.setText("Not moved to the trash: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    private void openFolder(Path dir) {
        BackgroundTask.wrap(() -> {
                    FolderOpener.open(dir);
                    return dir;
                })
                .onSuccess(d -> launchStatus.setText("Opened " + d + "."))
                .onFailure(error -> launchStatus.setText("Cannot open the folder (" + ErrorMessages.describe(error)
                        + "); it is " + dir))
                .executeWith(executor);
    }

    private void compare() {
        List<RunRow> selected = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (selected.size() != 2) {
            diffTitle.setText("Select exactly two runs to compare (Ctrl+click), not " + selected.size() + ".");
            return;
        }
        details.getSelectionModel().select(compareTab);
        RunRow a = selected.get(0);
        RunRow b = selected.get(1);
        BackgroundTask.wrap(() -> ConfigDiff.between(read(a.folder()), read(b.folder())))
                .onSuccess(lines -> {
                    diffTitle.setText(lines.isEmpty() ? a.name() + " and " + b.name() + " ran the same experiment."
                            : lines.size() + " differences: " + a.name() + " (first) vs " + b.name() + " (second).");
                    diff.getItems().setAll(lines);
                })
                .onFailure(error -> diffTitle.setText("Cannot compare: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    private static JsonNode read(RunFolder folder) throws java.io.IOException {
        return ExperimentForm.JSON.readTree(folder.experimentFile().toFile());
    }

    private static TableColumn<RunRow, String> column(String title, Function<RunRow, String> value) {
        TableColumn<RunRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> Bindings.createStringBinding(() -> value.apply(r.getValue()),
                r.getValue().infoProperty()));
        return c;
    }

    private static javafx.scene.control.Tooltip wrapped(String text) {
        javafx.scene.control.Tooltip t = new javafx.scene.control.Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(600);
        return t;
    }

    private static TableColumn<ConfigDiff.Line, String> lineColumn(String title,
                                                                   Function<ConfigDiff.Line, String> value) {
        TableColumn<ConfigDiff.Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(r.getValue())));
        return c;
    }

    private javafx.stage.Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** The form, for tests. */
    ExperimentForm form() {
        return form;
    }
}
