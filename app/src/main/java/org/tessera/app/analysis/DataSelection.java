package org.tessera.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tessera.app.session.RunFeed;
import org.tessera.app.widgets.FolderChooser;
import org.tessera.engine.analysis.TrainingSets;
import org.tessera.engine.runs.RunFolder;

/**
 * What to analyse, shared by the perplexity and influence panels: the base model, the run whose task and logged
 * rollouts supply the data (or the CLI's default puzzles), and the data kinds. Runs arrive through the {@link RunFeed},
 * newest first, like the other run views.
 */
final class DataSelection extends VBox {
    /** The "no run" choice: the CLI's default training puzzles (scenery, as the sample experiments use). */
    static final String NO_RUN = "Scenery 2x2 puzzles (no run)";

    /** One entry of the "Data from" list: a run, or the default puzzles (no folder). */
    record Source(RunFolder folder) {
        @Override
        public String toString() {
            return folder == null ? NO_RUN : folder.name();
        }
    }

    private static final Map<String, String> KIND_LABELS = new LinkedHashMap<>();

    static {
        KIND_LABELS.put("answer-only", "answer-only (Non-Rea)");
        KIND_LABELS.put("teacher-reasoning", "teacher-reasoning (Rea-Teacher)");
        KIND_LABELS.put("rollouts", "rollouts (all logged)");
        KIND_LABELS.put("rollouts-exact", "rollouts-exact (Rea-Self)");
    }

    private final TextField model = new TextField();
    private final ComboBox<Source> run = new ComboBox<>();
    private final Map<String, CheckBox> kinds = new LinkedHashMap<>();
    private final FolderChooser folderChooser;

    DataSelection(RunFeed feed, Path baseModel, FolderChooser folderChooser) {
        super(8);
        this.folderChooser = folderChooser;
        setId("analysis-data");
        setPrefWidth(290);
        setMinWidth(240);

        model.setId("analysis-model");
        model.setText(baseModel == null ? "" : baseModel.toString());
        model.setPromptText("checkpoint folder");
        HBox.setHgrow(model, Priority.ALWAYS);
        Button choose = new Button("Choose…");
        choose.setId("analysis-choose-model");
        choose.setOnAction(e -> chooseModel());

        run.setId("analysis-run");
        run.setMaxWidth(Double.MAX_VALUE);
        run.getItems().add(new Source(null));
        run.getSelectionModel().select(0);
        run.setOnAction(e -> runChosen());

        VBox kindBoxes = new VBox(4);
        for (String kind : TrainingSets.KINDS) {
            CheckBox box = new CheckBox(KIND_LABELS.getOrDefault(kind, kind));
            box.setId("kind-" + kind);
            kinds.put(kind, box);
            kindBoxes.getChildren().add(box);
        }
        kinds.get("answer-only").setSelected(true);
        kinds.get("teacher-reasoning").setSelected(true);
        runChosen();

        Label title = new Label("Analysis");
        title.getStyleClass().add("view-title");
        Label intro = new Label("Why RL forgets less, from the data's side (docs/analysis.md): how likely the base "
                + "model finds each kind of training data, how much one step on it moves prior knowledge, and KL to "
                + "the base model against forgetting across runs.");
        intro.setWrapText(true);
        intro.getStyleClass().add("field-label");
        Label runHint = new Label("A run fixes the task (grid, prompt, training puzzles); a GRPO run also offers its "
                + "logged rollouts.");
        runHint.setWrapText(true);
        runHint.getStyleClass().add("field-label");
        Label kindHint = new Label("Bare answers, the algorithmic teacher's verified traces, and a GRPO run's own "
                + "samples (all, or only the exact ones), built as the trainers build them.");
        kindHint.setWrapText(true);
        kindHint.getStyleClass().add("field-label");
        getChildren().addAll(title, intro, section("Base model"), new HBox(6, model, choose),
                section("Data from"), run, runHint, section("Data kinds"), kindBoxes, kindHint);

        feed.subscribe(batch -> batch.states().keySet().forEach(this::addRun));
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void addRun(RunFolder folder) {
        if (run.getItems().stream().noneMatch(r -> r.folder() != null && r.folder().dir().equals(folder.dir()))) {
            run.getItems().add(1, new Source(folder)); // newest first, below the no-run choice
        }
    }

    /** Rollout kinds make sense only for a run with a rollouts.jsonl; they are checked when one is chosen. */
    private void runChosen() {
        RunFolder chosen = run.getValue() == null ? null : run.getValue().folder();
        boolean rollouts = chosen != null && Files.isRegularFile(chosen.rolloutsFile());
        for (String kind : List.of("rollouts", "rollouts-exact")) {
            CheckBox box = kinds.get(kind);
            box.setDisable(!rollouts);
            box.setSelected(rollouts);
        }
    }

    private void chooseModel() {
        Path start = model.getText().isBlank() ? null : Path.of(model.getText().strip()).getParent();
        folderChooser.titled("Choose the base model (a checkpoint folder)")
                .choose(getScene() == null ? null : getScene().getWindow(), start)
                .ifPresent(dir -> model.setText(dir.toString()));
    }

    /**
     * The current choice with {@code perKind} samples per kind.
     *
     * @throws IllegalArgumentException with a message for the user when no model folder is given
     */
    AnalysisService.DataChoice choice(int perKind) {
        String text = model.getText().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Choose the base model folder first.");
        }
        List<String> chosen = new ArrayList<>();
        kinds.forEach((kind, box) -> {
            if (box.isSelected() && !box.isDisabled()) {
                chosen.add(kind);
            }
        });
        RunFolder r = run.getValue() == null ? null : run.getValue().folder();
        return new AnalysisService.DataChoice(Path.of(text), r == null ? null : r.dir(), chosen, perKind);
    }

    /** Chooses a run (null: the default puzzles), as the user would. */
    void selectRun(RunFolder folder) {
        run.getItems().stream().filter(s -> folder == null ? s.folder() == null
                        : s.folder() != null && s.folder().dir().equals(folder.dir()))
                .findFirst().ifPresent(s -> run.getSelectionModel().select(s));
        runChosen();
    }

    /** The runs offered, newest first (without the no-run choice). */
    List<RunFolder> runs() {
        return run.getItems().stream().map(Source::folder).filter(java.util.Objects::nonNull).toList();
    }

    void setKind(String kind, boolean selected) {
        kinds.get(kind).setSelected(selected);
    }
}
