package org.tessera.app.studio;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tessera.app.session.ModelService;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.FolderChooser;
import org.tessera.app.widgets.FxImages;
import org.tessera.app.widgets.RewardTable;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.Presentation;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.Rewards;
import org.tessera.engine.model.GenerationOptions;

/**
 * The puzzle studio: generate a puzzle, solve it by hand on a board (drag a tile onto another to swap them), and
 * ask the loaded model to solve it, once greedily or N times sampled to see the spread a GRPO group would have.
 * Generation and model calls run on the task executor; this class only wires controls and renders results.
 */
public final class PuzzleStudioView extends VBox {
    static final String PROCEDURAL = "Procedural art";
    static final String SCENERY = "Scenery (sky up, sun left)";
    static final String ASSETS = "Shipped samples (assets/images)";
    static final String FOLDER = "Image folder…";

    private final ModelService models;
    private final TaskExecutor executor;
    private final FolderChooser folderChooser;

    private final ComboBox<String> source = new ComboBox<>(FXCollections.observableArrayList(PROCEDURAL, SCENERY, ASSETS, FOLDER));
    private final ComboBox<Grid> grid = new ComboBox<>(FXCollections.observableArrayList(StudioSettings.grids()));
    private final ComboBox<Presentation> presentation = new ComboBox<>(
            FXCollections.observableArrayList(Presentation.values()));
    private final CheckBox gridLines = new CheckBox("Grid lines");
    private final TextField seed = new TextField("1");
    private final Label puzzleStatus = new Label();
    private final TileBoard board = new TileBoard(360);
    private final Label solveStatus = new Label();
    private final VBox modelInput = new VBox(4);
    private final Label prompt = new Label();

    private final ComboBox<PromptTemplate> template = new ComboBox<>(
            FXCollections.observableArrayList(PromptTemplate.values()));
    private final Spinner<Integer> maxTokens = new Spinner<>(1, 512, 48);
    private final Spinner<Integer> sampleCount = new Spinner<>(2, 64, 8);
    private final Spinner<Double> temperature = new Spinner<>(0.1, 3.0, 1.0, 0.1);
    private final Button ask = new Button("Ask the model");
    private final Button sample = new Button("Sample N");
    private final Label modelStatus = new Label("Ask the loaded model to solve this puzzle.");
    private final AttemptView attemptView = new AttemptView();
    private final TableView<ModelAttempt> samples = new TableView<>();
    private final Label sampleSummary = new Label();

    private Path folder;
    private StudioPuzzle current;
    private boolean modelBusy;

    public PuzzleStudioView(ModelService models, TaskExecutor executor, FolderChooser folderChooser) {
        super(10);
        this.models = models;
        this.executor = executor;
        this.folderChooser = folderChooser;
        setId("puzzle-studio-view");
        Label title = new Label("Puzzle studio");
        title.getStyleClass().add("view-title");

        source.setId("puzzle-source");
        source.getSelectionModel().select(PROCEDURAL);
        source.setOnAction(e -> sourceChosen());
        grid.setId("puzzle-grid");
        grid.getSelectionModel().select(new Grid(3, 3));
        grid.setOnAction(e -> generate());
        presentation.setId("puzzle-presentation");
        presentation.getSelectionModel().select(Presentation.COMPOSITE);
        presentation.setOnAction(e -> generate());
        gridLines.setId("puzzle-grid-lines");
        gridLines.setOnAction(e -> generate());
        seed.setId("puzzle-seed");
        seed.setPrefColumnCount(8);
        seed.setOnAction(e -> generate());
        Button generate = new Button("Generate");
        generate.setId("generate-puzzle");
        generate.setOnAction(e -> generate());
        Button shuffle = new Button("New puzzle");
        shuffle.setId("new-puzzle");
        shuffle.setOnAction(e -> {
            seed.setText(Long.toString(ThreadLocalRandom.current().nextLong(1, 1_000_000)));
            generate();
        });
        FlowPane controls = new FlowPane(10, 8, labelled("Source", source), labelled("Grid", grid),
                labelled("Presentation", presentation), gridLines, labelled("Seed", seed), generate, shuffle);
        controls.setAlignment(Pos.CENTER_LEFT);
        puzzleStatus.setId("puzzle-status");
        puzzleStatus.setWrapText(true);

        HBox body = new HBox(20, boardColumn(), modelColumn());
        VBox.setVgrow(body, Priority.ALWAYS);
        body.setMinHeight(0);
        getChildren().addAll(title, controls, puzzleStatus, body);
        generate();
    }

    private ScrollPane boardColumn() {
        solveStatus.setId("solve-status");
        solveStatus.getStyleClass().add("solve-status");
        board.setOnChange(this::arrangementChanged);
        Button reset = new Button("Start over");
        reset.setId("reset-board");
        reset.setOnAction(e -> {
            if (current != null) {
                board.show(current.puzzle(), current.tiles());
            }
        });
        Label hint = new Label("Drag a tile onto another to swap them; put every tile where it belongs.");
        hint.setWrapText(true);
        hint.setMaxWidth(360);
        modelInput.setId("model-input");
        prompt.setId("puzzle-prompt");
        prompt.setWrapText(true);
        prompt.setMaxWidth(360);
        VBox column = new VBox(8, AttemptView.sectionTitle("Your board"), hint, board, new HBox(12, solveStatus, reset),
                AttemptView.sectionTitle("What the model is given"), modelInput, prompt);
        column.setMinWidth(370);
        // At 1280x800 the board and the model's input are taller than the view: scroll, never push the window's
        // status line off screen.
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(390);
        scroll.setMinHeight(0);
        return scroll;
    }

    private ScrollPane modelColumn() {
        template.setId("prompt-template");
        template.getSelectionModel().select(PromptTemplate.ANSWER);
        template.setOnAction(e -> {
            if (current != null) {
                prompt.setText("Prompt: " + current.promptText(template.getValue(), models.promptWording()));
            }
        });
        maxTokens.setId("max-new-tokens");
        maxTokens.setEditable(true);
        maxTokens.setPrefWidth(80);
        sampleCount.setId("sample-count");
        sampleCount.setEditable(true);
        sampleCount.setPrefWidth(80);
        temperature.setId("sample-temperature");
        temperature.setEditable(true);
        temperature.setPrefWidth(80);
        ask.setId("ask-model");
        ask.setOnAction(e -> askModel(GenerationOptions.greedy(maxTokens.getValue()), false));
        sample.setId("sample-model");
        sample.setOnAction(e -> askModel(GenerationOptions.sampling(maxTokens.getValue(),
                temperature.getValue().floatValue(), sampleCount.getValue(),
                ThreadLocalRandom.current().nextLong()), true));
        modelStatus.setId("model-status");
        modelStatus.setWrapText(true);
        FlowPane askRow = new FlowPane(10, 8, labelled("Prompt", template), labelled("Max tokens", maxTokens), ask);
        FlowPane sampleRow = new FlowPane(10, 8, labelled("N", sampleCount), labelled("Temperature", temperature),
                sample);

        samples.setId("sample-table");
        samples.setPrefHeight(200);
        samples.setPlaceholder(new Label("\"Sample N\" draws N completions at the temperature."));
        samples.getColumns().setAll(sampleColumns());
        samples.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        samples.getSelectionModel().selectedItemProperty().addListener((obs, old, attempt) -> {
            if (attempt != null) {
                attemptView.show(attempt);
            }
        });
        sampleSummary.setId("sample-summary");
        sampleSummary.setWrapText(true);
        attemptView.setVisible(false);
        attemptView.setManaged(false);

        VBox column = new VBox(8, AttemptView.sectionTitle("Ask the model"), askRow, sampleRow, modelStatus,
                attemptView, AttemptView.sectionTitle("Samples"), sampleSummary, samples);
        column.setPrefWidth(560);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        scroll.setMinHeight(0);
        HBox.setHgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    private List<TableColumn<ModelAttempt, String>> sampleColumns() {
        TableColumn<ModelAttempt, String> answer = column("Answer", a -> AttemptView.join(a.parsed().numbers()));
        TableColumn<ModelAttempt, String> parse = column("Parse", a -> a.parsed().failure().name().toLowerCase(Locale.ROOT));
        TableColumn<ModelAttempt, String> exact = column("Exact", a -> a.exact() ? "yes" : "");
        List<TableColumn<ModelAttempt, String>> columns = new java.util.ArrayList<>(List.of(answer, parse, exact));
        for (String preset : Rewards.PRESETS) {
            TableColumn<ModelAttempt, String> c = column(preset, a -> RewardTable.number(a.rewards().get(preset).total()));
            c.getStyleClass().add("numeric");
            columns.add(c);
        }
        return columns;
    }

    private static TableColumn<ModelAttempt, String> column(String title,
                                                           java.util.function.Function<ModelAttempt, String> value) {
        TableColumn<ModelAttempt, String> c = new TableColumn<>(title);
        c.setCellValueFactory(row -> new ReadOnlyObjectWrapper<>(value.apply(row.getValue())));
        return c;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return new VBox(2, label, control);
    }

    private void sourceChosen() {
        if (FOLDER.equals(source.getValue())) {
            var chosen = folderChooser.titled("Choose a folder of PNG or JPEG images").choose(getScene() == null ? null : getScene().getWindow(), folder);
            if (chosen.isEmpty()) {
                source.getSelectionModel().select(folder == null ? PROCEDURAL : FOLDER);
                if (folder != null) {
                    return;
                }
            } else {
                folder = chosen.get();
            }
        }
        generate();
    }

    private String sourceSpec() {
        String s = source.getValue();
        if (SCENERY.equals(s)) {
            return PuzzleSpec.SCENERY;
        }
        if (ASSETS.equals(s)) {
            return PuzzleSpec.ASSETS;
        }
        if (FOLDER.equals(s) && folder != null) {
            return folder.toString();
        }
        return PuzzleSpec.PROCEDURAL;
    }

    /** Regenerates the puzzle from the controls (on the executor) and shows it once ready. */
    public void generate() {
        long seedValue;
        try {
            seedValue = Long.parseLong(seed.getText().trim());
        } catch (NumberFormatException e) {
            puzzleStatus.setText("Seed must be a whole number, got \"" + seed.getText() + "\".");
            puzzleStatus.getStyleClass().add("error-message");
            return;
        }
        StudioSettings settings = new StudioSettings(sourceSpec(), grid.getValue(), presentation.getValue(),
                gridLines.isSelected(), seedValue, 0);
        BackgroundTask.wrap(() -> StudioPuzzle.generate(settings))
                .onRunning(() -> puzzleStatus.setText("Generating a " + settings.grid() + " puzzle …"))
                .onSuccess(this::showPuzzle)
                .onFailure(error -> {
                    puzzleStatus.setText("Could not make a puzzle: " + ErrorMessages.describe(error));
                    puzzleStatus.getStyleClass().add("error-message");
                })
                .executeWith(executor);
    }

    private void showPuzzle(StudioPuzzle puzzle) {
        current = puzzle;
        puzzleStatus.getStyleClass().remove("error-message");
        puzzleStatus.setText("Puzzle " + puzzle.puzzle().id() + " from " + puzzle.puzzle().imageId() + " ("
                + puzzle.settings().grid() + ", " + puzzle.settings().presentation().id() + ", "
                + puzzle.puzzle().spec().imageSize() + " px as the model sees it).");
        board.show(puzzle.puzzle(), puzzle.tiles());
        modelInput.getChildren().setAll(FxImages.pixelated(puzzle.modelInput(), 240));
        prompt.setText("Prompt: " + puzzle.promptText(template.getValue(), models.promptWording()));
        attemptView.setVisible(false);
        attemptView.setManaged(false);
        samples.getItems().clear();
        sampleSummary.setText("");
        modelStatus.setText("Ask the loaded model to solve this puzzle.");
    }

    private void arrangementChanged(Arrangement arrangement) {
        solveStatus.getStyleClass().remove("solved");
        if (arrangement.solved()) {
            solveStatus.setText("Solved!");
            solveStatus.getStyleClass().add("solved");
        } else {
            solveStatus.setText(arrangement.correctCount() + " of " + arrangement.size() + " tiles in place");
        }
    }

    private void askModel(GenerationOptions options, boolean sampled) {
        if (current == null || modelBusy) {
            return;
        }
        StudioPuzzle puzzle = current;
        PromptTemplate chosen = template.getValue();
        long[] started = new long[1];
        BackgroundTask.wrap(() -> ModelAttempt.ask(models, puzzle.puzzle(), chosen, options))
                .onRunning(() -> {
                    started[0] = System.nanoTime();
                    setModelBusy(true);
                    modelStatus.getStyleClass().remove("error-message");
                    modelStatus.setText(sampled ? "Sampling " + options.samplesPerPrompt() + " completions …"
                            : "The model is solving the puzzle …");
                })
                .onSuccess(attempts -> {
                    setModelBusy(false);
                    if (current != puzzle) {
                        return; // the user moved on to another puzzle meanwhile
                    }
                    double seconds = (System.nanoTime() - started[0]) / 1e9;
                    modelStatus.setText(String.format(Locale.ROOT, "%d completion%s in %.1f s (%s).",
                            attempts.size(), attempts.size() == 1 ? "" : "s", seconds,
                            options.greedy() ? "greedy" : "temperature " + options.temperature()));
                    attemptView.setVisible(true);
                    attemptView.setManaged(true);
                    if (sampled) {
                        samples.getItems().setAll(attempts);
                        sampleSummary.setText(SampleSummary.of(attempts));
                        samples.getSelectionModel().selectFirst();
                    } else if (!attempts.isEmpty()) {
                        attemptView.show(attempts.get(0));
                    }
                })
                .onFailure(error -> {
                    setModelBusy(false);
                    modelStatus.setText("The model could not answer: " + ErrorMessages.describe(error));
                    modelStatus.getStyleClass().add("error-message");
                })
                .executeWith(executor);
    }

    private void setModelBusy(boolean busy) {
        modelBusy = busy;
        ask.setDisable(busy);
        sample.setDisable(busy);
    }

    /** The puzzle on the board, or null before the first one is ready. */
    StudioPuzzle currentPuzzle() {
        return current;
    }
}
