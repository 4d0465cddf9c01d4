package org.tessera.app.analysis;

import java.util.List;
import javafx.scene.control.Label;

/** A panel's one line of news: an error in red (never a crash), or notes on what a result left out. */
final class PanelMessage extends Label {
    PanelMessage(String id) {
        setId(id);
        setWrapText(true);
        setMaxWidth(Double.MAX_VALUE);
        clear();
    }

    void showError(String text) {
        getStyleClass().setAll("label", "error-message");
        setText(text);
        show(true);
    }

    void showInfo(String text) {
        getStyleClass().setAll("label", "field-label");
        setText(text);
        show(!text.isEmpty());
    }

    void showNotes(String summary, List<String> notes) {
        List<String> lines = new java.util.ArrayList<>();
        if (!summary.isEmpty()) {
            lines.add(summary);
        }
        lines.addAll(notes);
        showInfo(String.join("\n", lines));
    }

    void clear() {
        showInfo("");
    }

    private void show(boolean shown) {
        setVisible(shown);
        setManaged(shown);
    }
}
