package org.tessera.app.studio;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.tessera.app.widgets.FxImages;
import org.tessera.app.widgets.RewardTable;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.ParseResult;

/**
 * One model attempt in full: its raw output, what the parser read, the arrangement it describes (green frame =
 * tile in the right place, red = wrong, crossed out = no tile landed there) and its reward under each preset.
 */
final class AttemptView extends VBox {
    private final TextArea text = new TextArea();
    private final Label parsed = new Label();
    private final Label placed = new Label();
    private final VBox overlay = new VBox();
    private final RewardTable rewards = new RewardTable();

    AttemptView() {
        super(8);
        setId("attempt-view");
        text.setId("attempt-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        parsed.setId("attempt-parsed");
        parsed.setWrapText(true);
        placed.setId("attempt-placed");
        overlay.setId("attempt-overlay");
        rewards.setId("attempt-rewards");
        Label outputTitle = sectionTitle("Raw output");
        VBox facts = new VBox(6, parsed, placed);
        HBox middle = new HBox(12, overlay, facts);
        getChildren().addAll(outputTitle, text, middle, sectionTitle("Reward under each preset"), rewards);
    }

    void show(ModelAttempt attempt) {
        text.setText(attempt.text().isEmpty() ? "(empty completion)" : attempt.text());
        parsed.setText(describe(attempt.parsed(), attempt.puzzle().grid()));
        int correct = attempt.reassembly().correctCount();
        int n = attempt.puzzle().grid().cells();
        placed.setText(attempt.exact() ? "Solved: every tile in place."
                : correct + " of " + n + " tiles in the right place.\nTrue answer: "
                        + join(attempt.puzzle().answer()));
        overlay.getChildren().setAll(FxImages.pixelated(FxImages.of(attempt.reassembly().overlay(4)), 200));
        rewards.show(List.copyOf(attempt.rewards().values()));
    }

    static String describe(ParseResult p, Grid grid) {
        if (p.ok()) {
            return "Parsed answer: " + join(p.numbers());
        }
        String read = Arrays.stream(p.numbers()).anyMatch(v -> v > 0) ? " (read: " + join(p.numbers()) + ")" : "";
        return "Not a valid answer for " + grid + ": " + p.failure().name().toLowerCase().replace('_', ' ')
                + (p.detail().isEmpty() ? "" : " — " + p.detail()) + read;
    }

    static String join(int[] values) {
        return Arrays.stream(values).mapToObj(v -> v == 0 ? "?" : Integer.toString(v)).collect(Collectors.joining(" "));
    }

    static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
