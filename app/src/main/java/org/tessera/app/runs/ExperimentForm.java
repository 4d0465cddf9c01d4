package org.tessera.app.runs;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.tessera.engine.config.Problem;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.experiment.ExperimentPaths;
import org.tessera.engine.experiment.ExperimentSchema;

/**
 * Edits an experiment field by field: one row per leaf of its JSON (path, editor, inline problem). The JSON tree
 * is the single source of truth; every edit writes into it and re-validates with the engine's own
 * {@link ExperimentLoader#problems}, so the form can never accept what a run would reject, and messages are the
 * ones the CLI prints. The folders it names (base model, image source) are then checked off the UI thread with
 * {@link ExperimentPaths}, as {@code tessera run} checks them; until that answer arrives the form is "checking".
 */
final class ExperimentForm extends VBox {
    static final ObjectMapper JSON = TesseraJson.INDENTED;
    /** Fields whose allowed values the engine publishes: offered as choices instead of free text. */
    private static final Map<String, Set<String>> CHOICES = Map.of(
            "$.device", ExperimentSchema.DEVICES,
            "$.method.kind", ExperimentSchema.METHODS,
            "$.method.sft.data", ExperimentSchema.SFT_DATA,
            "$.method.grpo.reward", ExperimentSchema.REWARDS);

    private final GridPane grid = new GridPane();
    private final Map<String, Label> problemLabels = new HashMap<>();
    private final Map<String, Node> editors = new HashMap<>();
    private ObjectNode root = JSON.createObjectNode();
    private List<Problem> problems = List.of();
    private Consumer<List<Problem>> onValidated = p -> { };
    private final TaskExecutor executor;
    private final Path projectRoot;
    /** Bumped by every validation, so a slow folder check answering after a newer edit is dropped. */
    private long generation;
    private boolean checkingPaths;

    /** {@code projectRoot}: what a relative base_model is resolved against, as the run worker does. */
    ExperimentForm(TaskExecutor executor, Path projectRoot) {
        this.executor = executor;
        this.projectRoot = projectRoot;
        setId("experiment-form");
        grid.setHgap(10);
        grid.setVgap(4);
        getChildren().add(grid);
    }

    void setOnValidated(Consumer<List<Problem>> listener) {
        this.onValidated = listener;
    }

    /** Shows a JSON text: its fields as rows, or nothing but the problem when it is not a JSON object. */
    void load(String json) {
        grid.getChildren().clear();
        problemLabels.clear();
        editors.clear();
        JsonNode parsed;
        try {
            parsed = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            parsed = null;
        }
        root = parsed instanceof ObjectNode o ? o : JSON.createObjectNode();
        if (parsed instanceof ObjectNode && !root.has("device")) {
            root.put("device", "auto"); // always offered: cpu, gpu or auto (the schema's default)
        }
        if (parsed instanceof ObjectNode) {
            int row = 0;
            for (Map.Entry<String, JsonNode> leaf : JsonPaths.leaves(root).entrySet()) {
                addRow(row++, leaf.getKey(), leaf.getValue());
            }
        }
        validate(json);
    }

    String json() {
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<Problem> problems() {
        return problems;
    }

    /** True while the folder check of the latest edit has not answered: not yet launchable. */
    boolean checkingPaths() {
        return checkingPaths;
    }

    /** Sets a field's value as if typed into its editor (the path must be a row of the form). */
    Node editor(String path) {
        return editors.get(path);
    }

    private void addRow(int row, String path, JsonNode value) {
        Label name = new Label(path.substring(2));
        name.getStyleClass().add("field-label");
        Node editor = editorFor(path, value);
        editor.setId("field-" + path.substring(2).replace('.', '-'));
        editors.put(path, editor);
        Label problem = new Label();
        problem.getStyleClass().add("error-message");
        problem.setWrapText(true);
        problem.setMaxWidth(380);
        // Under its field, shown only when there is one: beside it, a message squeezed the names to "base_...".
        problem.visibleProperty().bind(problem.textProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        problemLabels.put(path, problem);
        grid.addRow(row, name, new javafx.scene.layout.VBox(2, editor, problem));
    }

    private Node editorFor(String path, JsonNode value) {
        if (value != null && value.isBoolean()) {
            CheckBox box = new CheckBox();
            box.setSelected(value.asBoolean());
            box.selectedProperty().addListener((obs, o, v) -> set(path, BooleanNode.valueOf(v)));
            return box;
        }
        Set<String> choices = CHOICES.get(path);
        if (choices != null) {
            ComboBox<String> box = new ComboBox<>(FXCollections.observableArrayList(choices.stream().sorted().toList()));
            box.setValue(value == null ? null : value.asText());
            box.valueProperty().addListener((obs, o, v) -> set(path, TextNode.valueOf(v)));
            return box;
        }
        TextField field = new TextField(value == null || value.isNull() ? "" : value.isTextual() ? value.asText()
                : value.toString());
        field.setPrefColumnCount(24);
        boolean numeric = value != null && value.isNumber();
        field.textProperty().addListener((obs, o, text) -> set(path, numeric ? number(text) : TextNode.valueOf(text)));
        return field;
    }

    /** A number when the text reads as one; otherwise the text itself, which the schema then reports. */
    private static JsonNode number(String text) {
        String t = text.trim();
        try {
            return LongNode.valueOf(Long.parseLong(t));
        } catch (NumberFormatException e) {
            try {
                return DoubleNode.valueOf(Double.parseDouble(t));
            } catch (NumberFormatException e2) {
                return TextNode.valueOf(text);
            }
        }
    }

    private void set(String path, JsonNode value) {
        String[] parts = path.substring(2).split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            node = (ObjectNode) node.get(parts[i]);
        }
        node.set(parts[parts.length - 1], value);
        validate(json());
    }

    private void validate(String json) {
        long gen = ++generation;
        List<Problem> schema = ExperimentLoader.problems(json);
        String baseModel = text(root.get("base_model"));
        String source = text(root.path("task").get("source"));
        checkingPaths = true;
        show(schema);
        // Disk access (a network folder can be slow) stays off the UI thread; config.json is read, weights are not.
        BackgroundTask.wrap(() -> ExperimentPaths.problems(baseModel, source, projectRoot))
                .onSuccess(paths -> {
                    if (gen == generation) {
                        checkingPaths = false;
                        List<Problem> all = new ArrayList<>(schema);
                        all.addAll(paths);
                        show(all);
                    }
                })
                .onFailure(error -> {
                    if (gen == generation) {
                        checkingPaths = false;
                        List<Problem> all = new ArrayList<>(schema);
                        all.add(new Problem("$.base_model", "could not check the folders: " + error.getMessage()));
                        show(all);
                    }
                })
                .executeWith(executor);
    }

    private static String text(JsonNode n) {
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private void show(List<Problem> problems) {
        this.problems = problems;
        problemLabels.values().forEach(l -> l.setText(""));
        editors.values().forEach(e -> {
            e.getStyleClass().remove("field-invalid");
        });
        for (Problem p : problems) {
            Label label = problemLabels.get(p.path());
            if (label != null) {
                label.setText(p.message());
                editors.get(p.path()).getStyleClass().add("field-invalid");
            }
        }
        onValidated.accept(problems);
    }

    /** The problems no row shows (missing fields, syntax, whole-object checks): listed under the form. */
    List<Problem> unplacedProblems() {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            if (!problemLabels.containsKey(p.path())) {
                out.add(p);
            }
        }
        return out;
    }
}
