package org.tessera.app.runs;

import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.widgets.ExperimentFiles;
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

    @Test
    void afterARestartEveryColumnIsReadableRunNamesAreWholeAndTheSelectedRunsMessageIsShownInFull(FxRobot robot)
            throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        List<String> names = List.of("20261204-163012-lesson-grpo-long-experiment-name", "20261204-170501-quick-demo",
                "20261204-171233-rft-then-sft-seed-3", "20261204-172000-b");
        for (String n : names) {
            TestRuns.write(runs, n, TestRuns.experiment("x", "sft", 0.001), RunState.FINISHED, 20, List.of(),
                    List.of());
        }
        String reason = "out of memory while loading assets/models/big-model/model.safetensors: needed 22.3 GB, "
                + "4.1 GB free; lower batch_size or use a smaller model (the rest of this sentence must stay "
                + "readable somewhere, not cut by the table)";
        org.tessera.engine.runs.RunFolder failed = TestRuns.write(runs, "20261204-173000-failed-run",
                TestRuns.experiment("f", "sft", 0.001), RunState.FAILED, 3, List.of(), List.of());
        org.tessera.engine.runs.RunInfo i = failed.info();
        failed.writeInfo(new org.tessera.engine.runs.RunInfo(i.name(), i.state(), reason, i.pid(), i.device(),
                i.step(), i.totalSteps(), i.createdMs(), i.startedMs(), i.updatedMs(), i.finishedMs(),
                i.lastCheckpoint(), i.versions(), i.precision()));
        workspace = TestRuns.workspace(runs, null);
        robot.interact(() -> {
            stage.setScene(new Scene(new RunsView(workspace, new CurrentThreadTaskExecutor(),
                    TestRuns.opening(() -> null)), 1280, 800));
            stage.show();
        });
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == names.size() + 1);
        WaitForAsyncUtils.waitForFxEvents();

        assertColumnsReadable(table);
        // Every Run cell on screen shows its whole name: the text drawn is the cell's text, no ellipsis.
        List<String> shown = robot.lookup("#runs-table .table-cell").queryAll().stream()
                .map(n -> (javafx.scene.control.TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() == table.getColumns().get(0) && !c.isEmpty() && c.getText() != null)
                .map(c -> ((javafx.scene.text.Text) c.lookup(".text")).getText()).toList();
        assertEquals(names.size() + 1, shown.size(), shown.toString());
        assertTrue(shown.containsAll(names) && shown.contains("20261204-173000-failed-run"), shown.toString());

        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .filter(r -> r.name().endsWith("failed-run")).findFirst().orElseThrow()));
        String details = robot.lookup("#run-details").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(details.contains(reason), details);
        assertTrue(details.contains("failed") && details.contains(failed.dir().toAbsolutePath().toString()), details);

        // The old default window (1100x700) squeezes the table harder: the minimums still hold.
        robot.interact(() -> {
            stage.setWidth(1100);
            stage.setHeight(700);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertColumnsReadable(table);
    }

    @Test
    void columnWidthsAreKeptFromOneSessionToTheNextAndLabelsComeFromTheRunFolder(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        org.tessera.engine.runs.RunFolder a = TestRuns.write(runs, "20261204-163012-lesson-grpo",
                TestRuns.experiment("x", "sft", 0.001), RunState.FINISHED, 20, List.of(), List.of());
        TestRuns.write(runs, "20261204-170501-quick-demo", TestRuns.experiment("y", "sft", 0.001), RunState.CANCELLED,
                7, List.of(), List.of());
        org.tessera.engine.runs.RunNotes.write(a.dir(), new org.tessera.engine.runs.RunNotes("lr 3e-4 baseline", ""));
        Path settingsFile = temp.resolve("home/workbench.properties");

        // First session: the user widens the State column.
        TableView<RunRow> first = session(robot, runs, settingsFile);
        javafx.scene.control.TableColumn<RunRow, ?> state = column(first, "State");
        double before = state.getWidth();
        robot.interact(() -> first.resizeColumn(state, 60));
        double widened = state.getWidth();
        assertTrue(widened >= before + 50, before + " -> " + widened);
        robot.interact(() -> workspace.close()); // the window closes: settings are written
        workspace = null;
        assertTrue(Files.readString(settingsFile).contains("runs.column.state="), Files.readString(settingsFile));

        // Second session, new view, same settings file: the State column comes back at the width it was given.
        TableView<RunRow> second = session(robot, runs, settingsFile);
        assertEquals(widened, column(second, "State").getWidth(), 2.0);
        assertColumnsReadable(second);
        RunRow labelled = second.getItems().stream().filter(r -> r.folder().dir().equals(a.dir())).findFirst()
                .orElseThrow();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> labelled.notes().label().equals("lr 3e-4 baseline"));
        assertEquals("lr 3e-4 baseline", column(second, "Label").getCellData(labelled));

        // A label typed in the details pane is saved in the run folder.
        robot.interact(() -> second.getSelectionModel().select(labelled));
        robot.interact(() -> {
            robot.lookup("#run-label").queryAs(TextField.class).setText("baseline, seed 1");
            robot.lookup("#run-note").queryAs(javafx.scene.control.TextArea.class).setText("the lesson's GRPO");
        });
        robot.interact(() -> robot.lookup("#save-run-notes").queryButton().fire());
        assertEquals(new org.tessera.engine.runs.RunNotes("baseline, seed 1", "the lesson's GRPO"),
                org.tessera.engine.runs.RunNotes.read(a.dir()));
        assertEquals("baseline, seed 1", column(second, "Label").getCellData(labelled));
    }

    @Test
    void theDetailsShowTheLogTailAndAStoppedRunMovesToTheTrash(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        org.tessera.engine.runs.RunFolder failed = TestRuns.write(runs, "20261204-173000-failed-run",
                TestRuns.experiment("f", "sft", 0.001), RunState.FAILED, 3, List.of(), List.of());
        List<String> log = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            log.add("log line " + i);
        }
        Files.write(failed.logFile(), log);
        TableView<RunRow> table = session(robot, runs, null);
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        String tail = robot.lookup("#run-log").queryAs(javafx.scene.control.TextArea.class).getText();
        assertTrue(tail.startsWith("log line " + (100 - RunDetails.LOG_LINES + 1) + "\n") && tail.endsWith(
                "log line 100"), tail);

        robot.interact(() -> robot.lookup("#trash-run").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().isEmpty(), "the row is gone");
        assertFalse(Files.exists(failed.dir()));
        assertTrue(Files.isRegularFile(runs.resolve(".trash/20261204-173000-failed-run/run.json")),
                "the folder is kept in the trash, whole");
        String status = robot.lookup("#launch-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Moved 1 run to "), status);
    }

    private TableView<RunRow> session(FxRobot robot, Path runs, Path settingsFile) throws Exception {
        org.tessera.app.session.RunsWorkspace w = TestRuns.workspace(runs, null);
        workspace = settingsFile == null ? w : new org.tessera.app.session.RunsWorkspace(w.manager(), w.feed(),
                w.samplesDir(), w.projectRoot(), org.tessera.app.session.WorkbenchSettings.in(settingsFile));
        robot.interact(() -> {
            stage.setScene(new Scene(new RunsView(workspace, new CurrentThreadTaskExecutor(),
                    TestRuns.opening(() -> null)), 1280, 800));
            stage.show();
        });
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        return table;
    }

    private static javafx.scene.control.TableColumn<RunRow, ?> column(TableView<RunRow> table, String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    private static void assertColumnsReadable(TableView<RunRow> table) {
        for (javafx.scene.control.TableColumn<RunRow, ?> c : table.getColumns()) {
            double header = RunColumns.textWidth(c.getText());
            assertTrue(c.getWidth() >= Math.max(50, header), c.getText() + " is " + c.getWidth() + " px wide");
        }
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
