package org.tessera.app.analysis;

import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Read-only table columns of text and of numbers (right-aligned, formatted by {@link Numbers}). */
final class Tables {
    private Tables() {
    }

    /** A text column wide enough for a data kind or a run's short name. */
    static <T> TableColumn<T, String> text(String title, Function<T, String> value) {
        TableColumn<T, String> c = column(title, value);
        c.setMinWidth(130);
        return c;
    }

    static <T> TableColumn<T, String> number(String title, ToDoubleFunction<T> value) {
        TableColumn<T, String> c = column(title, row -> Numbers.format(value.applyAsDouble(row)));
        c.getStyleClass().add("numeric");
        c.setMinWidth(56);
        return c;
    }

    static <T> TableColumn<T, String> integer(String title, java.util.function.ToIntFunction<T> value) {
        TableColumn<T, String> c = column(title, row -> Integer.toString(value.applyAsInt(row)));
        c.getStyleClass().add("numeric");
        c.setMinWidth(36);
        c.setMaxWidth(50);
        return c;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    static <T> TableView<T> table(String id, String placeholder) {
        TableView<T> t = new TableView<>();
        t.setId(id);
        t.setPlaceholder(new javafx.scene.control.Label(placeholder));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPrefHeight(170);
        return t;
    }
}
