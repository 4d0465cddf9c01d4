package org.tessera.app.model;

import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.Formats;
import org.tessera.app.widgets.ImageFileChooser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tessera.app.session.ModelService;
import org.tessera.app.task.TaskExecutor;
import org.tessera.engine.model.ModelCard;

/**
 * The "Model" view: the loaded model's card, a spinner while loading, or the reason a load failed; below a loaded
 * card, its retained-knowledge scores and the "ask" box. Loading is the window's job.
 */
public final class ModelCardView extends VBox {
    private final VBox body = new VBox(12);
    private final Button openButton = new Button("Open model folder…");
    private final KnowledgeScoresPanel knowledge;
    private final AskPanel ask;

    public ModelCardView(Runnable openFolder, ModelService models, TaskExecutor executor, ImageFileChooser imageChooser) {
        knowledge = new KnowledgeScoresPanel(models, executor);
        ask = new AskPanel(models, executor, imageChooser);
        setId("model-view"); // Section.MODEL.viewId(), as every view names itself
        getStyleClass().add("model-view");
        setSpacing(12);
        Label title = new Label("Model");
        title.getStyleClass().add("view-title");
        openButton.setId("open-model");
        openButton.setOnAction(event -> openFolder.run());
        HBox header = new HBox(16, title, openButton);
        header.getStyleClass().add("view-header");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setId("model-scroll");
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(header, scroll);
    }

    public void showLoading(Path directory) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(28, 28);
        Label text = new Label("Loading model from " + directory + " …");
        HBox loading = new HBox(10, spinner, text);
        loading.setId("model-loading");
        openButton.setDisable(true);
        body.getChildren().setAll(loading);
    }

    public void showError(Path directory, Throwable error) {
        showError(directory, error, null);
    }

    /**
     * A failed load; {@code stillLoaded} is the model the window keeps using (the service keeps the previous model
     * when a load fails), or null when there is none.
     */
    public void showError(Path directory, Throwable error, ModelCard stillLoaded) {
        Label heading = new Label("Could not load the model from " + directory);
        heading.getStyleClass().add("error-heading");
        Label message = new Label(ErrorMessages.describe(error));
        message.setId("model-error");
        message.getStyleClass().add("error-message");
        message.setWrapText(true);
        Label hint = new Label("Choose another folder with \"Open model folder…\", or start with ./tessera --model DIR.");
        VBox box = new VBox(8, heading, message, hint);
        box.getStyleClass().add("error-box");
        if (stillLoaded != null) {
            Label still = new Label("Still loaded: " + stillLoaded.name() + " from " + stillLoaded.directory()
                    + ". The puzzle studio and \"Ask\" keep answering with it.");
            still.setId("model-still-loaded");
            still.setWrapText(true);
            javafx.scene.control.Button back = new javafx.scene.control.Button("Show its card");
            back.setId("show-loaded-model");
            back.setOnAction(e -> showCard(stillLoaded));
            box.getChildren().addAll(still, back);
        }
        openButton.setDisable(false);
        body.getChildren().setAll(box);
    }

    public void showCard(ModelCard card) {
        Label name = new Label(card.name());
        name.setId("model-name");
        name.getStyleClass().add("model-name");

        GridPane facts = new GridPane();
        facts.getStyleClass().add("model-facts");
        facts.setHgap(16);
        facts.setVgap(6);
        addFact(facts, 0, "Architecture", "model-architecture", card.architecture());
        addFact(facts, 1, "Parameters", "model-parameters", Formats.parameters(card.parameterCount()));
        addFact(facts, 2, "Vocabulary", "model-vocab", Formats.integer(card.vocabSize()) + " tokens");
        addFact(facts, 3, "Device", "model-device", card.device());
        addFact(facts, 4, "Folder", "model-directory",
                card.directory() == null ? "(not saved)" : card.directory());

        Node files = titled("Files", filesTable(card.fileSizes()));
        Node config = titled("Configuration (config.json)", configTable(card.config()));
        HBox tables = new HBox(16, files, config);
        HBox.setHgrow(files, Priority.ALWAYS);
        HBox.setHgrow(config, Priority.ALWAYS);
        tables.setPrefHeight(220);

        openButton.setDisable(false);
        knowledge.clear();
        body.getChildren().setAll(name, facts, tables, knowledge, ask);
    }

    private static void addFact(GridPane grid, int row, String label, String id, String value) {
        Label key = new Label(label);
        key.getStyleClass().add("fact-label");
        Label text = new Label(Objects.toString(value, "—"));
        text.setId(id);
        grid.addRow(row, key, text);
    }

    private static Node titled(String title, TableView<?> table) {
        Label label = new Label(title);
        label.getStyleClass().add("section-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(6, label, table);
        box.setPadding(Insets.EMPTY);
        return box;
    }

    private static TableView<Map.Entry<String, Long>> filesTable(Map<String, Long> sizes) {
        TableView<Map.Entry<String, Long>> table = new TableView<>();
        table.setId("model-files");
        TableColumn<Map.Entry<String, Long>, String> file = new TableColumn<>("File");
        file.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().getKey()));
        TableColumn<Map.Entry<String, Long>, String> size = new TableColumn<>("Size");
        size.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(Formats.bytes(row.getValue().getValue())));
        size.getStyleClass().add("numeric");
        table.getColumns().setAll(List.of(file, size));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(FXCollections.observableArrayList(new TreeMap<>(nullToEmpty(sizes)).entrySet()));
        return table;
    }

    private static TableView<Map.Entry<String, Object>> configTable(Map<String, Object> config) {
        TableView<Map.Entry<String, Object>> table = new TableView<>();
        table.setId("model-config");
        TableColumn<Map.Entry<String, Object>, String> key = new TableColumn<>("Key");
        key.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(row.getValue().getKey()));
        TableColumn<Map.Entry<String, Object>, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(String.valueOf(row.getValue().getValue())));
        table.getColumns().setAll(List.of(key, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setItems(FXCollections.observableArrayList(new TreeMap<>(nullToEmpty(config)).entrySet()));
        return table;
    }

    private static <V> Map<String, V> nullToEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }
}
