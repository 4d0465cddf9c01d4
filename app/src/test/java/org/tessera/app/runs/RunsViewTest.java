package org.tessera.app.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RunsViewTest {
    @TempDir
    Path temp;
    private Stage stage;
    private RunsWorkspace workspace;
    private Path toOpen;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void anInvalidExperimentShowsTheEngineValidationMessagesAndCannotLaunch(FxRobot robot) throws Exception {
        toOpen = temp.resolve("bad.json");
        Files.writeString(toOpen, TestRuns.experiment("bad", "sft", 5.0).replace("\"2x2\"", "\"2by2\""));
        open(robot);

        robot.clickOn("#open-experiment");
        WaitForAsyncUtils.waitForFxEvents();

        String problems = problems(robot);
        assertTrue(problems.contains("$.task.grid: must be ROWSxCOLS"), problems);
        assertTrue(problems.contains("$.method.lr: must be between"), problems);
        assertTrue(robot.lookup("#launch-run").query().isDisabled());

        // Fixing the fields in the form clears the messages and enables launching.
        robot.interact(() -> {
            robot.lookup("#field-task-grid").queryAs(TextField.class).setText("2x2");
            robot.lookup("#field-method-lr").queryAs(TextField.class).setText("0.001");
        });
        assertEquals("Valid: ready to launch.", problems(robot));
        assertFalse(robot.lookup("#launch-run").query().isDisabled());

        // A word typed into a number field is reported inline, next to the field.
        robot.interact(() -> robot.lookup("#field-method-steps").queryAs(TextField.class).setText("many"));
        assertTrue(problems(robot).contains("$.method.steps: must be a whole number"), problems(robot));
    }

    @Test
    void refusesAFolderThatIsNotAModelAndAnImageFolderThatDoesNotExist(FxRobot robot) throws Exception {
        toOpen = temp.resolve("good.json");
        Files.writeString(toOpen, TestRuns.experiment("good", "sft", 0.001));
        open(robot);
        robot.clickOn("#open-experiment");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Valid: ready to launch.", problems(robot));

        // A folder without config.json: refused next to the field, and Launch stays disabled.
        Path notAModel = Files.createDirectories(temp.resolve("holiday-photos"));
        robot.interact(() -> robot.lookup("#field-base_model").queryAs(TextField.class).setText(notAModel.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(problems(robot).contains("$.base_model: not a model folder"), problems(robot));
        assertTrue(fieldProblem(robot, "#field-base_model").contains("config.json"),
                fieldProblem(robot, "#field-base_model"));
        assertTrue(robot.lookup("#launch-run").query().isDisabled());

        // The shipped model again, but an image source folder that does not exist.
        Path missing = temp.resolve("no-such-images");
        robot.interact(() -> {
            robot.lookup("#field-base_model").queryAs(TextField.class).setText("assets/models/tessera-tiny");
            robot.lookup("#field-task-source").queryAs(TextField.class).setText(missing.toString());
        });
        WaitForAsyncUtils.waitForFxEvents();
        String problems = problems(robot);
        assertFalse(problems.contains("$.base_model"), problems);
        assertTrue(problems.contains("$.task.source: image folder " + missing + " does not exist"), problems);
        assertTrue(robot.lookup("#launch-run").query().isDisabled());

        // An existing folder is accepted: Launch is enabled again.
        Path images = Files.createDirectories(temp.resolve("images"));
        robot.interact(() -> robot.lookup("#field-task-source").queryAs(TextField.class).setText(images.toString()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Valid: ready to launch.", problems(robot));
        assertFalse(robot.lookup("#launch-run").query().isDisabled());
    }

    /** The inline problem label shown in the field's grid row (the node right after the editor). */
    private static String fieldProblem(FxRobot robot, String editorId) {
        javafx.scene.Node editor = robot.lookup(editorId).query();
        var siblings = editor.getParent().getChildrenUnmodifiable();
        return ((Label) siblings.get(siblings.indexOf(editor) + 1)).getText();
    }

    @Test
    void listsEveryRunInTheFolderAndDiffsTwoExperiments(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        TestRuns.write(runs, "20260101-100000-a", TestRuns.experiment("a", "sft", 0.001), RunState.FINISHED, 20,
                List.of(), List.of());
        TestRuns.write(runs, "20260101-110000-b", TestRuns.experiment("b", "sft", 0.002), RunState.FAILED, 7,
                List.of(), List.of());
        open(robot);
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        assertEquals(List.of("20260101-110000-b", "20260101-100000-a"),
                table.getItems().stream().map(RunRow::name).toList());
        assertEquals("finished", table.getItems().get(1).info().state().id());

        robot.interact(() -> table.getSelectionModel().selectAll());
        robot.clickOn("#compare-runs");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<ConfigDiff.Line> diff = robot.lookup("#config-diff").queryAs(TableView.class);
        assertEquals(List.of("$.name", "$.method.lr"), diff.getItems().stream().map(ConfigDiff.Line::path).toList());
    }

    private void open(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        workspace = TestRuns.workspace(runs, null);
        ExperimentFiles files = TestRuns.opening(() -> toOpen);
        robot.interact(() -> {
            stage.setScene(new Scene(new RunsView(workspace, new CurrentThreadTaskExecutor(), files), 1200, 800));
            stage.show();
        });
    }

    private static String problems(FxRobot robot) {
        return robot.lookup("#experiment-problems").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).collect(Collectors.joining("\n"));
    }
}
