package org.tessera.app.runs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunNotes;

/**
 * The selected run in full, in tabs under the table: its state, folder and whole state message (a failed run's
 * reason is often longer than any column), with "Open folder"; the last lines of its worker log; its label and note
 * (kept in the run folder's notes.json). Text areas are read-only where they show what a run wrote, so the text can
 * be selected and copied. Files are read off the UI thread.
 */
final class RunDetails extends TabPane {
    /** Enough of a log to see how a run ended (a stack trace's head, the last progress lines). */
    static final int LOG_LINES = 40;
    private static final int LOG_TAIL_BYTES = 64 * 1024;

    private final TaskExecutor executor;
    private final TextArea summary = new TextArea();
    private final TextArea log = new TextArea();
    private final TextField label = new TextField();
    private final TextArea note = new TextArea();
    private final Label notesStatus = new Label();
    private final Button openFolder = new Button("Open folder");
    private final Button saveNotes = new Button("Save label and note");
    private final Consumer<Path> folderOpener;
    private RunRow shown;

    RunDetails(TaskExecutor executor, Consumer<Path> folderOpener) {
        this.executor = executor;
        this.folderOpener = folderOpener;
        setId("run-details-tabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        summary.setId("run-details");
        summary.setEditable(false);
        summary.setWrapText(true);
        summary.setPrefRowCount(4);
        summary.setPromptText("Select a run to see its folder and full message.");
        openFolder.setId("open-run-folder");
        openFolder.setTooltip(new Tooltip("Opens the run's folder in the file manager: experiment.json, run.json, "
                + "metrics.jsonl, rollouts.jsonl, checkpoints/, worker.log, notes.json"));
        openFolder.setOnAction(e -> {
            if (shown != null) {
                folderOpener.accept(shown.folder().dir().toAbsolutePath());
            }
        });
        VBox.setVgrow(summary, Priority.ALWAYS);
        Tab details = new Tab("Details", new VBox(4, summary, openFolder));

        log.setId("run-log");
        log.setEditable(false);
        log.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        log.setPromptText("The last " + LOG_LINES + " lines of the selected run's worker.log.");
        Tab logTab = new Tab("Log", log);

        label.setId("run-label");
        label.setPromptText("a short label, e.g. \"lr 3e-4 baseline\"");
        note.setId("run-note");
        note.setPromptText("why this run: what it tries, what you saw");
        note.setWrapText(true);
        note.setPrefRowCount(2);
        saveNotes.setId("save-run-notes");
        saveNotes.setOnAction(e -> saveNotes());
        notesStatus.setId("run-notes-status");
        HBox labelRow = new HBox(6, new Label("Label"), label, saveNotes);
        HBox.setHgrow(label, Priority.ALWAYS);
        VBox.setVgrow(note, Priority.ALWAYS);
        Tab notesTab = new Tab("Label and note", new VBox(4, labelRow, note, notesStatus));
        getTabs().setAll(List.of(details, logTab, notesTab));
        setPrefHeight(170);
        setMinHeight(120);
    }

    void show(RunRow row) {
        boolean other = row != shown;
        shown = row;
        openFolder.setDisable(row == null);
        saveNotes.setDisable(row == null);
        if (row == null) {
            summary.setText("");
            log.setText("");
            label.setText("");
            note.setText("");
            return;
        }
        summary.setText(describe(row));
        if (other) {
            label.setText(row.notes().label());
            note.setText(row.notes().note());
            notesStatus.setText("Kept in " + RunNotes.file(row.folder().dir()) + ".");
        }
        Path logFile = row.folder().logFile();
        BackgroundTask.wrap(() -> tail(logFile, LOG_LINES))
                .onSuccess(text -> {
                    if (shown == row) {
                        log.setText(text);
                        log.positionCaret(text.length());
                    }
                })
                .onFailure(error -> log.setText("Cannot read " + logFile + ": " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    /** A row's notes were loaded or saved: show them if it is the selected run and nobody is typing. */
    void notesChanged(RunRow row) {
        if (row == shown && !label.isFocused() && !note.isFocused()) {
            label.setText(row.notes().label());
            note.setText(row.notes().note());
        }
    }

    private void saveNotes() {
        RunRow row = shown;
        if (row == null) {
            return;
        }
        RunNotes notes = new RunNotes(label.getText(), note.getText());
        BackgroundTask.wrap(() -> {
                    RunNotes.write(row.folder().dir(), notes);
                    return notes;
                })
                .onSuccess(n -> {
                    row.notesProperty().set(n);
                    notesStatus.setText("Saved in " + RunNotes.file(row.folder().dir()) + ".");
                })
                .onFailure(error -> notesStatus.setText("Not saved: " + ErrorMessages.describe(error)))
                .executeWith(executor);
    }

    static String describe(RunRow row) {
        RunInfo info = row.info();
        StringBuilder s = new StringBuilder(row.name()).append(" \u2014 ").append(info.state().id())
                .append(", step ").append(RunRow.stepText(info));
        String device = RunRow.device(info);
        if (!device.isEmpty()) {
            s.append(", ").append(device);
        }
        if (!row.notes().label().isEmpty()) {
            s.append("\nlabel: ").append(row.notes().label());
        }
        s.append("\nfolder: ").append(row.folder().dir().toAbsolutePath());
        String message = RunRow.message(info);
        if (!message.isEmpty()) {
            s.append("\n").append(message);
        }
        return s.toString();
    }

    /** The last {@code lines} lines of a text file (at most its last 64 KiB are read); a note when there is none. */
    static String tail(Path file, int lines) throws IOException {
        if (!Files.isRegularFile(file)) {
            return "(no " + file.getFileName() + " yet: a worker writes it when it starts; runs from the CLI log "
                    + "to the terminal)";
        }
        byte[] bytes;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, f.length() - LOG_TAIL_BYTES);
            bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
        }
        List<String> all = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (all.isEmpty()) {
            return "(" + file.getFileName() + " is empty)";
        }
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
}
