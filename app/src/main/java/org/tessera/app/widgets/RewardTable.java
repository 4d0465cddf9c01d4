package org.tessera.app.widgets;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.tessera.engine.jigsaw.RewardBreakdown;

/** Reward breakdowns, one row per reward function: its total and every term as value x weight = contribution. */
public final class RewardTable extends TableView<RewardBreakdown> {

    public RewardTable() {
        getStyleClass().add("reward-table");
        TableColumn<RewardBreakdown, String> name = new TableColumn<>("Reward");
        name.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().reward()));
        name.setPrefWidth(100);
        TableColumn<RewardBreakdown, String> total = new TableColumn<>("Total");
        total.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(number(row.getValue().total())));
        total.getStyleClass().add("numeric");
        total.setPrefWidth(60);
        TableColumn<RewardBreakdown, String> terms = new TableColumn<>("Terms (value × weight = contribution)");
        terms.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(terms(row.getValue())));
        terms.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                RewardBreakdown b = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(b == null ? null : explained(b));
            }
        });
        getColumns().setAll(List.of(name, total, terms));
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setFixedCellSize(24);
        setPrefHeight(24 * 4 + 30);
        setPlaceholder(new javafx.scene.control.Label("No rewards yet."));
    }

    public void show(List<RewardBreakdown> breakdowns) {
        setItems(FXCollections.observableArrayList(breakdowns));
    }

    public static String terms(RewardBreakdown b) {
        return b.terms().stream().map(t -> String.format(Locale.ROOT, "%s %s × %s = %s", t.name(), number(t.value()),
                number(t.weight()), number(t.contribution()))).collect(Collectors.joining(";  "));
    }

    /** What each term of a reward means, on hover (docs/tasks.md, "Rewards"). */
    static javafx.scene.control.Tooltip explained(RewardBreakdown b) {
        StringBuilder s = new StringBuilder(b.reward() + ": the sum of value × weight over its terms.");
        for (RewardBreakdown.Term t : b.terms()) {
            s.append("\n").append(t.name()).append(": ").append(TERMS.getOrDefault(t.name(), "see docs/tasks.md"));
        }
        javafx.scene.control.Tooltip tip = new javafx.scene.control.Tooltip(s.toString());
        tip.setWrapText(true);
        tip.setMaxWidth(480);
        return tip;
    }

    private static final java.util.Map<String, String> TERMS = java.util.Map.of(
            "hit", "share of tiles in the right place, 0 unless the answer is a valid arrangement (partial credit)",
            "accuracy", "1 when the whole arrangement is right (exact), else 0",
            "exact", "1 when the whole arrangement is right, else 0",
            "format", "1 when the completion has the template's shape (tags, and for some rewards the right count of "
                    + "numbers)",
            "partial", "share of tiles right, only when not exact, for more than 4 pieces and a valid arrangement",
            "repetition", "a term for answers that repeat an index, weighted negative (docs/tasks.md)");

    public static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
