package org.tessera.app.shell;

import org.tessera.app.widgets.FolderChooser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tessera.app.session.FakeModelService;
import org.tessera.app.session.ModelService;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.task.WorkerTaskExecutor;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.ModelLoadException;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window with injected services: no checkpoint, no native engine, headless on Monocle. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowTest {
    private static final Path MODEL_DIR = Path.of("/models/tessera-tiny");
    private static final ModelCard CARD = new ModelCard("tessera-tiny", "tessera-tiny-vlm", 871_234, 96, "cpu()",
            MODEL_DIR.toString(), sizes(), Map.of("d_model", 128, "n_layers", 4, "max_seq_len", 64));

    private Stage stage;
    private TaskExecutor executor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeExecutor() {
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void showsTheModelCardOfTheLoadedModel(FxRobot robot) {
        FakeModelService models = FakeModelService.returning(CARD);
        open(robot, models, new CurrentThreadTaskExecutor());

        assertEquals(List.of(MODEL_DIR.toAbsolutePath().normalize()), models.loaded);
        assertEquals("tessera-tiny", text(robot, "#model-name"));
        assertEquals("tessera-tiny-vlm", text(robot, "#model-architecture"));
        assertEquals("871,234 (871.2 k)", text(robot, "#model-parameters"));
        assertEquals("96 tokens", text(robot, "#model-vocab"));
        assertEquals("cpu()", text(robot, "#model-device"));
        assertEquals(MODEL_DIR.toString(), text(robot, "#model-directory"));
        TableView<?> files = robot.lookup("#model-files").queryAs(TableView.class);
        assertEquals(3, files.getItems().size());
        assertEquals("config.json", ((Map.Entry<?, ?>) files.getItems().get(0)).getKey());
        assertEquals(3, robot.lookup("#model-config").queryAs(TableView.class).getItems().size());
        assertTrue(text(robot, "#status").startsWith("Loaded tessera-tiny: 871,234 parameters on cpu() in "),
                text(robot, "#status"));
        assertFalse(robot.lookup("#model-error").tryQuery().isPresent());
    }

    @Test
    void aFailedLoadShowsItsReasonInTheWindow(FxRobot robot) {
        Path config = MODEL_DIR.resolve("config.json");
        open(robot, FakeModelService.failingWith(new ModelLoadException(config, "unknown architecture 'gpt-9'")),
                new CurrentThreadTaskExecutor());

        assertEquals(config + ": unknown architecture 'gpt-9'", text(robot, "#model-error"));
        assertTrue(robot.lookup("#model-error").query().isVisible());
        assertTrue(text(robot, "#status").startsWith("Model not loaded: "), text(robot, "#status"));
        assertFalse(robot.lookup("#model-name").tryQuery().isPresent());
        assertFalse(robot.lookup("#open-model").query().isDisabled(), "the user can pick another folder");
    }

    @Test
    void aFailedLoadAfterAGoodOneSaysEverywhereWhichModelIsStillAnswering(FxRobot robot) {
        Path bad = MODEL_DIR.resolveSibling("holiday-photos");
        FakeModelService models = new FakeModelService(dir -> {
            if (dir.endsWith("holiday-photos")) {
                throw new ModelLoadException(dir.resolve("config.json"), "missing: not a model folder");
            }
            return CARD;
        });
        open(robot, models, new CurrentThreadTaskExecutor());
        WorkbenchWindow window = (WorkbenchWindow) stage.getScene().getRoot();
        robot.interact(() -> window.loadModel(bad));

        assertTrue(text(robot, "#model-error").contains("not a model folder"), text(robot, "#model-error"));
        assertTrue(text(robot, "#model-still-loaded").startsWith("Still loaded: tessera-tiny from " + MODEL_DIR),
                text(robot, "#model-still-loaded"));
        assertTrue(text(robot, "#status").endsWith("Still using tessera-tiny from " + MODEL_DIR + "."),
                text(robot, "#status"));
        robot.interact(() -> window.show(Section.START));
        assertTrue(text(robot, "#start-model").startsWith("Could not load " + bad.toAbsolutePath().normalize()),
                text(robot, "#start-model"));
        assertTrue(text(robot, "#start-model").contains("Still using tessera-tiny"), text(robot, "#start-model"));
    }

    @Test
    void theStartPageComesFirstAndLeadsToTheLessonTheStudioARunAndAModel(FxRobot robot,
            @org.junit.jupiter.api.io.TempDir Path runs) {
        org.tessera.app.session.RunsWorkspace workspace = org.tessera.app.runs.TestRuns.workspace(runs, null);
        List<Path> chosen = new java.util.ArrayList<>();
        try {
            executor = new CurrentThreadTaskExecutor();
            robot.interact(() -> {
                WorkbenchWindow window = new WorkbenchWindow(FakeModelService.returning(CARD), executor,
                        (owner, start) -> {
                            chosen.add(start);
                            return Optional.empty();
                        }, workspace, null, null);
                stage.setScene(new Scene(window, 1280, 800));
                stage.show();
                window.loadModel(MODEL_DIR);
            });
            assertTrue(robot.lookup("#start-view").query().isVisible(), "the first screen says where to begin");
            assertTrue(text(robot, "#start-model").startsWith("Model: tessera-tiny"), text(robot, "#start-model"));
            for (var target : Map.of("#start-lesson-choice", "#teaching-view", "#start-studio-choice",
                    "#puzzle-studio-view", "#start-run-choice", "#runs-view").entrySet()) {
                robot.clickOn("Start here");
                robot.clickOn(target.getKey());
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(robot.lookup(target.getValue()).tryQuery().isPresent(), target.toString());
            }
            robot.clickOn("Start here");
            robot.clickOn("#start-model-choice");
            assertEquals(1, chosen.size(), "the folder dialog opened");
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text(robot, "#runs-summary").equals("No runs yet."));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("status bar: " + text(robot, "#runs-summary"), e);
        } finally {
            workspace.close();
        }
    }

    @Test
    void loadsOffTheUiThreadAndShowsProgressMeanwhile(FxRobot robot) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        FakeModelService models = new FakeModelService(dir -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return CARD;
        });
        open(robot, models, new WorkerTaskExecutor(Platform::runLater, 1));

        assertTrue(robot.lookup("#model-loading").tryQuery().isPresent(), "a loading indicator while it works");
        assertTrue(robot.lookup("#open-model").query().isDisabled());
        release.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#model-name").tryQuery().isPresent());

        assertEquals("tessera-tiny", text(robot, "#model-name"));
        assertEquals(List.of("tessera-worker-1"), models.loadThreads);
    }

    @Test
    void viewsNotBuiltYetSaySo(FxRobot robot) {
        open(robot, FakeModelService.returning(CARD), new CurrentThreadTaskExecutor());

        robot.clickOn("Analysis");
        WaitForAsyncUtils.waitForFxEvents();

        Node analysis = robot.lookup("#analysis-view").query();
        assertTrue(analysis.isVisible());
        assertTrue(robot.from(analysis).lookup("Not built yet.").tryQuery().isPresent());
        assertFalse(robot.lookup("#model-view").tryQuery().isPresent(), "only the chosen view is shown");
    }

    @Test
    void everyViewOpensWithARunsFolder(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path runs) {
        org.tessera.app.session.RunsWorkspace workspace = org.tessera.app.runs.TestRuns.workspace(runs, null);
        try {
            executor = new CurrentThreadTaskExecutor();
            robot.interact(() -> {
                WorkbenchWindow window = new WorkbenchWindow(FakeModelService.returning(CARD), executor,
                        (owner, start) -> Optional.empty(), workspace, null, null);
                stage.setScene(new Scene(window, 1100, 700));
                stage.show();
            });
            for (Section section : Section.values()) {
                robot.clickOn(section.title());
                WaitForAsyncUtils.waitForFxEvents();
                assertTrue(robot.lookup("#" + section.viewId()).tryQuery().isPresent(), section.viewId());
                boolean placeholder = robot.from(robot.lookup("#" + section.viewId()).<Node>query())
                        .lookup("Not built yet.").tryQuery().isPresent();
                assertFalse(placeholder, section + " built");
            }
            assertEquals("Ready.", text(robot, "#status"), "no view reported an unexpected error");
        } finally {
            workspace.close();
        }
    }

    private void open(FxRobot robot, ModelService models, TaskExecutor executor) {
        this.executor = executor;
        FolderChooser noDialog = (owner, start) -> Optional.empty();
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(models, executor, noDialog);
            stage.setScene(new Scene(window, 1000, 650));
            stage.sizeToScene();
            stage.show();
            window.loadModel(MODEL_DIR);
            window.show(Section.MODEL);
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static Map<String, Long> sizes() {
        Map<String, Long> sizes = new LinkedHashMap<>();
        sizes.put("model.safetensors", 3_485_000L);
        sizes.put("tokenizer.json", 2_100L);
        sizes.put("config.json", 410L);
        return sizes;
    }
}
