package org.tessera.app.shell;

import org.tessera.app.model.ModelCardView;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.FolderChooser;
import org.tessera.app.widgets.Formats;
import org.tessera.app.widgets.ImageFileChooser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.tessera.app.analysis.AnalysisService;
import org.tessera.app.analysis.AnalysisView;
import org.tessera.app.session.ModelService;
import org.tessera.app.dashboard.DashboardView;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.rollouts.RolloutInspectorView;
import org.tessera.app.widgets.ExperimentFiles;
import org.tessera.app.runs.RunsView;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.studio.PuzzleStudioView;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.teaching.TeachingView;
import org.tessera.app.task.TaskExecutor;
import org.tessera.engine.model.ModelCard;

/**
 * The workbench's main pane: navigation on the left, the chosen view in the middle, a status line at the bottom.
 * Everything it talks to is injected, so tests build it with a fake {@link ModelService} and a synchronous
 * {@link TaskExecutor}.
 */
public final class WorkbenchWindow extends BorderPane {
    private final ModelService models;
    private final TaskExecutor executor;
    private final FolderChooser folderChooser;
    private final ListView<Section> navigation = new ListView<>();
    private final StackPane content = new StackPane();
    private final Label status = new Label("Ready.");
    private final Label runsSummary = new Label();
    private final StartPage startPage;
    /** The model the service holds now (a failed load keeps the previous one), or null. */
    private ModelCard loadedCard;
    private final Map<Section, Node> views = new EnumMap<>(Section.class);
    private final Map<Section, Supplier<Node>> viewFactories = new EnumMap<>(Section.class);
    private final ModelCardView modelView;
    private final List<Runnable> settledListeners = new ArrayList<>();
    private Path modelDirectory;

    /** A window without run views (they show what they need): for tests of the model and studio views. */
    public WorkbenchWindow(ModelService models, TaskExecutor executor, FolderChooser folderChooser) {
        this(models, executor, folderChooser, null, null, null);
    }

    /**
     * @param runs          the run manager and its event feed, or null to leave the run views unbuilt
     * @param experimentFiles file dialogs for experiment files
     * @param exportFiles   file dialogs for chart exports
     */
    public WorkbenchWindow(ModelService models, TaskExecutor executor, FolderChooser folderChooser,
                           RunsWorkspace runs, ExperimentFiles experimentFiles, ExportFiles exportFiles) {
        this(models, executor, executor, folderChooser, runs, experimentFiles, exportFiles);
    }

    /**
     * @param analysisExecutor where the analysis view computes: apart from {@code executor} (the model's work, the
     *                         forms' file checks), so that a minutes-long influence analysis, which loads its own
     *                         copy of the model, never holds up Launch, the run controls or the studio
     */
    public WorkbenchWindow(ModelService models, TaskExecutor executor, TaskExecutor analysisExecutor,
                           FolderChooser folderChooser, RunsWorkspace runs, ExperimentFiles experimentFiles,
                           ExportFiles exportFiles) {
        this.models = Objects.requireNonNull(models, "models");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.folderChooser = Objects.requireNonNull(folderChooser, "folderChooser");
        getStyleClass().add("workbench");
        getStylesheets().add(Objects.requireNonNull(
                WorkbenchWindow.class.getResource("/org/tessera/app/workbench.css")).toExternalForm());

        modelView = new ModelCardView(this::chooseModelFolder, models, executor, ImageFileChooser.system());
        views.put(Section.MODEL, modelView);
        startPage = new StartPage(this::show, this::chooseModelFolder);
        views.put(Section.START, startPage);
        // Built on first visit: a view may start work (the studio generates a puzzle) that nobody needs yet.
        viewFactories.put(Section.PUZZLE_STUDIO, () -> new PuzzleStudioView(models, executor, folderChooser));
        if (runs != null) {
            viewFactories.put(Section.TEACHING, () -> new TeachingView(runs, executor));
            viewFactories.put(Section.RUNS, () -> new RunsView(runs, executor, experimentFiles));
            viewFactories.put(Section.DASHBOARD, () -> new DashboardView(runs.feed(), runs.settings(), executor,
                    exportFiles, folderChooser));
            viewFactories.put(Section.ROLLOUTS, () -> new RolloutInspectorView(runs.feed(), executor));
            viewFactories.put(Section.ANALYSIS, () -> new AnalysisView(runs.feed(), runs.manager().runsDir(),
                    analysisModel(), AnalysisService.withEngineLoader(), analysisExecutor, exportFiles, folderChooser));
        }

        navigation.setId("navigation");
        navigation.getItems().setAll(Section.values());
        navigation.getSelectionModel().selectedItemProperty().addListener((obs, old, section) -> {
            if (section != null) {
                content.getChildren().setAll(view(section));
            }
        });
        content.getStyleClass().add("content");
        status.setId("status");
        status.getStyleClass().add("status-line");
        status.setMaxWidth(Double.MAX_VALUE);
        runsSummary.setId("runs-summary");
        runsSummary.getStyleClass().addAll("status-line", "runs-summary");
        runsSummary.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(status, Priority.ALWAYS);
        HBox bottom = new HBox(12, status, runsSummary);
        if (runs != null) {
            // What the runs are doing, live, whichever view is open: the status line never goes stale.
            runsSummary.setText(RunsSummary.of(runs.feed().states().values()));
            runs.feed().subscribe(batch -> runsSummary.setText(RunsSummary.of(runs.feed().states().values())));
        }

        setLeft(navigation);
        setCenter(content);
        setBottom(bottom);
        show(Section.START);
    }

    /** The view of a section, built the first time it is asked for. */
    public Node view(Section section) {
        return views.computeIfAbsent(section,
                s -> viewFactories.getOrDefault(s, () -> new PlaceholderView(s)).get());
    }

    public void show(Section section) {
        navigation.getSelectionModel().select(section);
    }

    /** Loads a checkpoint off the UI thread and shows its card or the reason it failed. */
    public void loadModel(Path directory) {
        Path dir = directory.toAbsolutePath().normalize();
        modelDirectory = dir;
        long[] started = new long[1];
        BackgroundTask.wrap(() -> models.load(dir))
                .onRunning(() -> {
                    started[0] = System.nanoTime();
                    modelView.showLoading(dir);
                    status.setText("Loading model from " + dir + " …");
                })
                .onSuccess(card -> {
                    loadedCard = card;
                    modelView.showCard(card);
                    status.setText(loadedMessage(card, (System.nanoTime() - started[0]) / 1e9));
                    startPage.showModel("Model: " + card.name() + ", " + Formats.parameters(card.parameterCount())
                            + " parameters on " + card.device() + ", from " + card.directory() + ".");
                    fireSettled();
                })
                .onFailure(error -> {
                    // The service keeps the model it had: say so everywhere, so that the studio's and Ask's answers
                    // are never mistaken for the new folder's.
                    modelView.showError(dir, error, loadedCard);
                    String first = ErrorMessages.describe(error).lines().findFirst().orElse("").strip();
                    String reason = first.endsWith(".") ? first : first + ".";
                    String still = loadedCard == null ? " No model is loaded."
                            : " Still using " + loadedCard.name() + " from " + loadedCard.directory() + ".";
                    status.setText("Model not loaded: " + reason + still);
                    startPage.showModel("Could not load " + dir + ": " + reason + still
                            + " Open the Model view for details.");
                    fireSettled();
                })
                .executeWith(executor);
    }

    /**
     * Reports an error that escaped every handler (a bug): the window stays usable and says what happened, rather
     * than dying with the FX thread.
     */
    public void showUnexpectedError(Throwable error) {
        status.setText("Unexpected error: " + ErrorMessages.describe(error).lines().findFirst().orElse(""));
    }

    /** Runs once each model load has finished, whether it succeeded or failed (used by the screenshot route). */
    public void addModelSettledListener(Runnable listener) {
        settledListeners.add(listener);
    }

    private void fireSettled() {
        for (Runnable listener : List.copyOf(settledListeners)) {
            listener.run();
        }
    }

    /** The base model the analysis starts from: the model loaded in the window, else the shipped one. */
    private Path analysisModel() {
        return modelDirectory != null ? modelDirectory
                : org.tessera.engine.model.ModelLoader.defaultModelDir().toAbsolutePath().normalize();
    }

    private void chooseModelFolder() {
        Path start = modelDirectory == null ? null : modelDirectory.getParent();
        folderChooser.choose(getScene() == null ? null : getScene().getWindow(), start).ifPresent(this::loadModel);
    }

    private static String loadedMessage(ModelCard card, double seconds) {
        return String.format(Locale.ROOT, "Loaded %s: %s parameters on %s in %.1f s.", card.name(),
                Formats.integer(card.parameterCount()), card.device(), seconds);
    }
}
