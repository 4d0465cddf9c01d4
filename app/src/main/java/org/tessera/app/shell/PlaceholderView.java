package org.tessera.app.shell;

import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** A view that is not built yet: says so, and what it will show. */
final class PlaceholderView extends VBox {

    PlaceholderView(Section section) {
        getStyleClass().add("placeholder-view");
        setId(section.viewId());
        Label title = new Label(section.title());
        title.getStyleClass().add("view-title");
        Label status = new Label("Not built yet.");
        status.getStyleClass().add("placeholder-status");
        Label plan = new Label(section.plannedContent());
        plan.setWrapText(true);
        getChildren().addAll(title, status, plan);
    }
}
