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

    public static String number(double v) {
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
