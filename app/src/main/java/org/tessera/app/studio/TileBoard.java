package org.tessera.app.studio;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.image.Image;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.tessera.app.widgets.FxImages;
import org.tessera.engine.jigsaw.Puzzle;

/**
 * The board a person solves a puzzle on: press a tile, drag it onto another and release to swap the two.
 *
 * <p>Plain mouse events rather than the platform drag-and-drop: a press-drag-release keeps every event on the
 * pressed tile, and the drop target is found from the release point, which behaves the same on every platform and
 * under a test robot (platform drag-and-drop needs a native drag session).
 */
final class TileBoard extends GridPane {
    private final double side;
    private final List<StackPane> cells = new ArrayList<>();
    private List<Image> tiles = List.of();
    private Arrangement arrangement;
    private Consumer<Arrangement> onChange = a -> { };
    private int dragFrom = -1;
    private int hover = -1;

    /** @param side the board's width and height in pixels */
    TileBoard(double side) {
        this.side = side;
        setId("tile-board");
        getStyleClass().add("tile-board");
        setHgap(3);
        setVgap(3);
    }

    void setOnChange(Consumer<Arrangement> listener) {
        this.onChange = listener;
    }

    Arrangement arrangement() {
        return arrangement;
    }

    /** Shows a fresh puzzle as the model sees it; {@code tiles} are its shown tiles, in shown order. */
    void show(Puzzle puzzle, List<Image> tiles) {
        this.tiles = List.copyOf(tiles);
        this.arrangement = new Arrangement(puzzle);
        getChildren().clear();
        cells.clear();
        int rows = puzzle.grid().rows();
        int cols = puzzle.grid().cols();
        double cellW = (side - (cols - 1) * getHgap()) / cols;
        double cellH = (side - (rows - 1) * getVgap()) / rows;
        for (int p = 0; p < arrangement.size(); p++) {
            StackPane cell = new StackPane();
            cell.setId("tile-" + p);
            cell.getStyleClass().add("tile-cell");
            cell.setPrefSize(cellW, cellH);
            cell.setMinSize(cellW, cellH);
            cell.setMaxSize(cellW, cellH);
            int position = p;
            cell.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> pressed(position, e));
            cell.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
            cell.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
            cells.add(cell);
            add(cell, puzzle.grid().col(p), puzzle.grid().row(p));
            paint(p, cellW, cellH);
        }
        onChange.accept(arrangement);
    }

    /** The shown tile at a board position, for tests and the status line. */
    int tileAt(int position) {
        return arrangement.tileAt(position);
    }

    private void paint(int position, double w, double h) {
        StackPane cell = cells.get(position);
        int tile = arrangement.tileAt(position);
        cell.getChildren().setAll(FxImages.pixelated(tiles.get(tile), w, h));
        cell.setUserData(tile);
    }

    private void pressed(int position, MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        dragFrom = position;
        cells.get(position).getStyleClass().add("tile-dragging");
    }

    private void dragged(MouseEvent e) {
        if (dragFrom < 0) {
            return;
        }
        int over = cellAt(e.getSceneX(), e.getSceneY());
        if (over != hover) {
            if (hover >= 0) {
                cells.get(hover).getStyleClass().remove("tile-drop-target");
            }
            hover = over;
            if (hover >= 0 && hover != dragFrom) {
                cells.get(hover).getStyleClass().add("tile-drop-target");
            }
        }
    }

    private void released(MouseEvent e) {
        if (dragFrom < 0) {
            return;
        }
        int from = dragFrom;
        int to = cellAt(e.getSceneX(), e.getSceneY());
        dragFrom = -1;
        hover = -1;
        cells.forEach(c -> c.getStyleClass().removeAll("tile-dragging", "tile-drop-target"));
        if (to >= 0 && to != from) {
            swap(from, to);
        }
    }

    /** Swaps the tiles at two board positions, as a completed drag does. */
    void swap(int from, int to) {
        arrangement.swap(from, to);
        StackPane a = cells.get(from);
        paint(from, a.getPrefWidth(), a.getPrefHeight());
        paint(to, a.getPrefWidth(), a.getPrefHeight());
        onChange.accept(arrangement);
    }

    private int cellAt(double sceneX, double sceneY) {
        for (int p = 0; p < cells.size(); p++) {
            Bounds b = cells.get(p).localToScene(cells.get(p).getBoundsInLocal());
            if (b.contains(sceneX, sceneY)) {
                return p;
            }
        }
        return -1;
    }
}
