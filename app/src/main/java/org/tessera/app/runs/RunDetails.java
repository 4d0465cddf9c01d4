package org.tessera.app.runs;

import javafx.scene.control.TextArea;
import org.tessera.engine.runs.RunInfo;

/**
 * The selected run in full: name, state, step, folder and its whole state message (a failed run's reason is often
 * longer than any table column), in a read-only text area so it can be selected and copied.
 */
final class RunDetails extends TextArea {
    RunDetails() {
        setId("run-details");
        setEditable(false);
        setWrapText(true);
        setPrefRowCount(4);
        setPromptText("Select a run to see its folder and full message.");
    }

    void show(RunRow row) {
        if (row == null) {
            setText("");
            return;
        }
        RunInfo info = row.info();
        StringBuilder s = new StringBuilder(row.name()).append(" \u2014 ").append(info.state().id())
                .append(", step ").append(RunRow.stepText(info));
        String device = RunRow.device(info);
        if (!device.isEmpty()) {
            s.append(", ").append(device);
        }
        s.append("\nfolder: ").append(row.folder().dir().toAbsolutePath());
        String message = RunRow.message(info);
        if (!message.isEmpty()) {
            s.append("\n").append(message);
        }
        setText(s.toString());
    }
}
