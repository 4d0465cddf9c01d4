package org.tessera.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.tessera.app.model.EngineModelService;
import org.tessera.app.model.ModelService;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.task.WorkerTaskExecutor;
import org.tessera.app.view.FolderChooser;
import org.tessera.app.view.WorkbenchWindow;

/** The JavaFX application: wires the production services into a {@link WorkbenchWindow} and shows it. */
public final class WorkbenchApp extends Application {
    private static volatile int exitCode;

    private ModelService models;
    private TaskExecutor executor;

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
        WorkbenchWindow window = new WorkbenchWindow(models, executor, FolderChooser.system());

        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            error.printStackTrace();
            if (Platform.isFxApplicationThread()) {
                window.showUnexpectedError(error);
            } else {
                Platform.runLater(() -> window.showUnexpectedError(error));
            }
        });

        stage.setTitle("Tessera workbench");
        stage.setScene(new Scene(window, 1100, 700));
        stage.setOnCloseRequest(event -> Platform.exit());
        if (options.screenshot != null) {
            Path target = options.screenshot;
            window.addModelSettledListener(() -> Platform.runLater(() -> writeScreenshotAndExit(window, target)));
        }
        stage.show();
        window.loadModel(options.model);
    }

    private static void writeScreenshotAndExit(WorkbenchWindow window, Path target) {
        try {
            Screenshots.write(window, target);
            System.out.println("Wrote " + target.toAbsolutePath());
        } catch (Exception e) {
            System.err.println("tessera: could not write the screenshot " + target + ": " + e.getMessage());
            exitCode = 1;
        }
        Platform.exit();
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
        if (models != null) {
            models.close();
        }
    }
}
