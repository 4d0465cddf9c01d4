package org.tessera.app;

import org.tessera.app.shell.WindowSize;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tessera.app.analysis.AnalysisView;
import org.tessera.app.rollouts.RolloutInspectorView;
import org.tessera.app.bench.UiBenchmark;
import org.tessera.app.session.EngineModelService;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.session.ModelService;
import org.tessera.app.widgets.ExperimentFiles;
import org.tessera.app.session.RunFeed;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.session.WorkbenchSettings;
import org.tessera.engine.gpu.GpuSettings;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.task.WorkerTaskExecutor;
import org.tessera.app.widgets.FolderChooser;
import org.tessera.app.shell.Section;
import org.tessera.app.shell.WorkbenchWindow;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.Runs;
import org.tessera.engine.runs.WorkerLauncher;

/** The JavaFX application: wires the production services into a {@link WorkbenchWindow} and shows it. */
public final class WorkbenchApp extends Application {
    private static volatile int exitCode;

    private ModelService models;
    private TaskExecutor executor;
    private TaskExecutor analysisExecutor;
    private RunManager runManager;
    private RunFeed runFeed;
    private RunsWorkspace runs;

    /** What {@link TesseraWorkbench} exits with once the toolkit has stopped. */
    static int exitCode() {
        return exitCode;
    }

    @Override
    public void start(Stage stage) {
        WorkbenchOptions options = WorkbenchOptions.parse(getParameters().getRaw().toArray(String[]::new));
        models = EngineModelService.withEngineLoader();
        // One worker: the model is not thread-safe, so model work is serialised rather than locked.
        executor = new WorkerTaskExecutor(Platform::runLater, 1);
        // Analyses load their own model copy: their own worker keeps the model's worker free while they compute.
        analysisExecutor = new WorkerTaskExecutor(Platform::runLater, 1, "tessera-analysis");
        // Runs are worker processes; the manager follows every run folder (live or finished) and its listener is
        // the feed, which hands events to the UI thread coalesced (one runLater per 50 ms flush at most).
        runFeed = new RunFeed(Platform::runLater, 50);
        runManager = new RunManager(runsDir(options), new WorkerLauncher(List.of()), 1, 500);
        runFeed.attach(runManager);
        runManager.start(); // after the listener is attached, so no event is missed
        runs = new RunsWorkspace(runManager, runFeed, RunsWorkspace.findSamples(Runs.projectRoot()),
                Runs.projectRoot(), WorkbenchSettings.in(GpuSettings.home().resolve(WorkbenchSettings.FILE_NAME)));
        WorkbenchWindow window = new WorkbenchWindow(models, executor, analysisExecutor, FolderChooser.system(), runs,
                ExperimentFiles.system(), ExportFiles.system());

        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            if (Platform.isFxApplicationThread()) {
                window.showUnexpectedError(error);
            } else {
                Platform.runLater(() -> window.showUnexpectedError(error));
            }
        });

        stage.setTitle("Tessera workbench");
        // Screenshots are always 1280x800 (docs/screenshots); a window on a smaller screen fits the screen.
        javafx.geometry.Dimension2D size = options.screenshot != null
                ? new javafx.geometry.Dimension2D(WindowSize.WIDTH, WindowSize.HEIGHT)
                : WindowSize.fitted(javafx.stage.Screen.getPrimary().getVisualBounds());
        stage.setScene(new Scene(window, size.getWidth(), size.getHeight()));
        stage.setOnCloseRequest(event -> Platform.exit());
        if (options.screenshot != null) {
            Path target = options.screenshot;
            window.addModelSettledListener(() -> Platform.runLater(() -> writeScreenshotAndExit(window, target)));
        }
        if (options.benchUi) {
            // Measures from the moment the model has loaded (or failed to): start-up is not what it measures.
            Path experiment = options.benchExperiment != null ? options.benchExperiment
                    : Runs.projectRoot().resolve("sample-configs").resolve("quick-demo.json");
            UiBenchmark bench = new UiBenchmark(window, runManager, runFeed, experiment, options.benchSeconds,
                    System.out, code -> {
                        exitCode = code;
                        Platform.exit();
                    });
            window.addModelSettledListener(() -> Platform.runLater(bench::start));
        }
        stage.show();
        window.loadModel(options.model);
    }

    /** --runs-dir, else a fresh temporary folder for the benchmark (its run alone on the dashboard), else runs/. */
    private static Path runsDir(WorkbenchOptions options) {
        if (options.runsDir != null) {
            return options.runsDir;
        }
        if (options.benchUi) {
            try {
                return java.nio.file.Files.createTempDirectory("tessera-bench-ui-");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot create a runs folder for the benchmark", e);
            }
        }
        return Runs.defaultRunsDir();
    }

    private static void writeScreenshotAndExit(WorkbenchWindow window, Path target) {
        try {
            Screenshots.write(window, target);
            System.out.println("Wrote " + target.toAbsolutePath());
        } catch (Exception e) {
            System.err.println("tessera: could not write the screenshot " + target + ": " + e.getMessage());
            exitCode = 1;
            Platform.exit();
            return;
        }
        java.util.List<Section> others = new java.util.ArrayList<>(java.util.List.of(Section.values()));
        others.remove(Section.START); // the first picture (workbench.png) is the start page
        writeViews(window, target.toAbsolutePath().getParent(), others, 0);
    }

    /**
     * Shows each remaining view in turn and writes it beside the main picture as {@code <view-id>.png}, after a
     * pause that lets it load its data off the UI thread (runs, charts); then exits.
     */
    private static void writeViews(WorkbenchWindow window, Path dir, java.util.List<Section> sections, int i) {
        if (i == sections.size()) {
            Platform.exit();
            return;
        }
        Section section = sections.get(i);
        window.show(section);
        Runnable write = () -> {
            Path file = dir.resolve(section.viewId() + ".png");
            try {
                Screenshots.write(window, file);
                System.out.println("Wrote " + file);
            } catch (Exception ex) {
                System.err.println("tessera: could not write the screenshot " + file + ": " + ex.getMessage());
                exitCode = 1;
            }
            writeViews(window, dir, sections, i + 1);
        };
        if (window.view(section) instanceof AnalysisView analysis) {
            // The analysis computes on demand: picture it with a result (perplexity of the newest GRPO run's data).
            analysis.prepareScreenshot(() -> after(0.5, write));
        } else if (window.view(section) instanceof RolloutInspectorView rollouts) {
            // Pictured with a group open: the newest run with rollouts, its first group whose rewards differ.
            rollouts.prepareScreenshot(() -> after(0.5, write));
        } else {
            after(2, write);
        }
    }

    private static void after(double seconds, Runnable action) {
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(
                javafx.util.Duration.seconds(seconds));
        settle.setOnFinished(e -> action.run());
        settle.play();
    }

    @Override
    public void stop() {
        // Running workers keep going: they outlive the window by design, and the next session reattaches.
        if (runManager != null) {
            runManager.close();
        }
        if (runFeed != null) {
            runFeed.close();
        }
        if (runs != null) {
            runs.settings().close(); // column widths and chart layout, for the next session
        }
        if (executor != null) {
            executor.close();
        }
        if (analysisExecutor != null) {
            analysisExecutor.close();
        }
        if (models != null) {
            models.close();
        }
    }
}
