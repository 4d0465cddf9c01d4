package org.tessera.app.runs;

import java.util.Collection;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import org.tessera.app.session.WorkbenchSettings;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Widths that keep the runs table readable. The constrained resize policy squeezes columns to fit the table, and a
 * table laid out before its rows arrive (after a restart) used to squeeze State, Progress, Step and ETA to a few
 * pixels; a minimum per column stops that, and the Run column is widened to its longest name so names are never cut.
 */
final class RunColumns {
    /** Cell padding and a margin for fonts a little wider than the one measured with. */
    private static final double PADDING = 28;

    private RunColumns() {
    }

    /** A readable minimum for a column: its header, or a typical value, whichever is wider. */
    static <S, T> TableColumn<S, T> readable(TableColumn<S, T> column, String typicalValue) {
        double min = Math.max(textWidth(column.getText()), textWidth(typicalValue)) + PADDING;
        column.setMinWidth(min);
        column.setPrefWidth(Math.max(column.getPrefWidth(), min));
        return column;
    }

    /** Widens {@code column} (never narrows it) so the widest of {@code texts} shows whole. */
    static void fit(TableColumn<?, ?> column, Collection<String> texts) {
        double widest = textWidth(column.getText());
        for (String t : texts) {
            widest = Math.max(widest, textWidth(t));
        }
        double need = widest + PADDING;
        if (column.getMinWidth() < need) {
            column.setMinWidth(need);
            column.setPrefWidth(Math.max(column.getPrefWidth(), need));
        }
    }

    /**
     * Keeps the table's column widths between sessions: each column starts at its saved width (never below its
     * readable minimum) and every width it takes is saved under {@code prefix + header}.
     */
    static void remember(TableView<?> table, WorkbenchSettings settings, String prefix) {
        for (TableColumn<?, ?> c : table.getColumns()) {
            String key = prefix + c.getText().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            double saved = settings.number(key, -1);
            if (saved > 0) {
                c.setPrefWidth(Math.max(c.getMinWidth(), saved));
            }
            c.widthProperty().addListener((obs, o, w) -> {
                if (w.doubleValue() > 0) {
                    settings.put(key, Math.round(w.doubleValue()));
                }
            });
        }
    }

    /** Width of a text in the workbench's cell font (13 px in workbench.css; the platform default if larger). */
    static double textWidth(String text) {
        Font base = Font.getDefault();
        Text t = new Text(text == null ? "" : text);
        t.setFont(Font.font(base.getFamily(), Math.max(13, base.getSize())));
        return Math.ceil(t.getLayoutBounds().getWidth() * 1.1);
    }
}
