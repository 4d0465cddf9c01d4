package org.tessera.app.runs;

import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.widgets.ExperimentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.session.FakeModelService;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.app.shell.WorkbenchWindow;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole window with REAL worker processes: a shortened copy of the quick demo is opened and launched from the
 * runs view exactly as a user does it (form, Launch button, {@code RunManager}, {@code WorkerLauncher}, a worker
 * JVM training the shipped model), and its metrics stream into the dashboard. Then the worker is killed (SIGKILL)
 * or cancelled from the table. Only the model card is faked (the window's own model view is not under test).
 * Scores are never asserted: the shipped model changes; what is checked is that every event the worker wrote
 * reaches the charts and that states follow the worker's fate.
 */
@ExtendWith(ApplicationExtension.class)
class RunsLiveTest {

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
        LiveRuns.killWorkers();
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void aLaunchedRunStreamsIntoTheChartsAndAKilledWorkerLeavesAFailedRunWithItsMetrics(FxRobot robot)
            throws Exception {
        // Many steps, evaluation every 2: the run is still going when the test kills it.
        toOpen = LiveRuns.quickDemoCopy(temp.resolve("configs"), "live-kill", 400, 2);
        openWindow(robot);
        RunFolder run = launchFromTheRunsView(robot);
        RunRow row = row(robot, run);

        robot.clickOn("Dashboard");
        XYSeriesCollection jigsaw = chartData(robot, "jigsaw");
        XYSeriesCollection knowledge = chartData(robot, "knowledge");
        // Step 0 (the base model) and at least one evaluation after training steps.
        LiveRuns.waitFor("two evaluations charted", run, () -> points(jigsaw, run) >= 2 && points(knowledge, run) >= 2);
        assertEquals(RunState.RUNNING, run.info().state(), "still running when killed");

        ProcessHandle worker = LiveRuns.worker(run);
        assertTrue(worker.destroyForcibly(), "SIGKILL sent");
        worker.onExit().get(30, TimeUnit.SECONDS);

        LiveRuns.waitFor("the killed run shown as failed", run, () -> row.info().state() == RunState.FAILED);
        assertTrue(row.info().message().startsWith("worker process ended without finishing"), row.info().message());

        // The app kept running, and every evaluation the worker wrote before it died is still charted.
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.isShowing());
        int evals = LiveRuns.events(run, "eval").size();
        assertTrue(evals >= 2, "evaluations in metrics.jsonl: " + evals);
        int steps = LiveRuns.events(run, "train").size();
        XYSeriesCollection loss = chartData(robot, "loss");
        LiveRuns.waitFor("every written event charted", run, () -> points(jigsaw, run) == evals
                && points(knowledge, run) == evals && points(loss, run) == steps);
        List<JsonNode> lastEval = LiveRuns.events(run, "eval");
        JsonNode last = lastEval.get(lastEval.size() - 1);
        XYSeries line = series(knowledge, run);
        assertEquals(last.get("step").asDouble(), line.getX(line.getItemCount() - 1).doubleValue());
        assertEquals(last.path("eval").path("knowledge").path("average").path("accuracy").asDouble(),
                line.getY(line.getItemCount() - 1).doubleValue(), 1e-12);

        robot.clickOn("Runs");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("failed", row.info().state().id());
        assertEquals("Ready.", robot.lookup("#status").queryAs(Label.class).getText(), "no unexpected error");
    }

    @Test
    void cancellingARunningWorkerFromTheTableEndsTheRunCancelled(FxRobot robot) throws Exception {
        toOpen = LiveRuns.quickDemoCopy(temp.resolve("configs"), "live-cancel", 400, 50);
        openWindow(robot);
        RunFolder run = launchFromTheRunsView(robot);
        RunRow row = row(robot, run);
        LiveRuns.waitFor("the first training step", run,
                () -> row.info().state() == RunState.RUNNING && row.info().step() >= 1);
        ProcessHandle worker = LiveRuns.worker(run);

        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(row));
        robot.clickOn("#cancel-run");

        LiveRuns.waitFor("the run cancelled", run, () -> row.info().state() == RunState.CANCELLED);
        assertTrue(row.info().message().startsWith("cancelled at step"), row.info().message());
        assertTrue(worker.onExit().get(60, TimeUnit.SECONDS).pid() == worker.pid());
        assertFalse(worker.isAlive(), "the worker exits by itself after a cancel");
        assertEquals(RunState.CANCELLED, run.info().state(), "the worker wrote the final state");
        assertFalse(LiveRuns.events(run, "train").isEmpty(), "metrics are kept");
    }

    @Test
    void resumingACancelledRunFromTheTableContinuesItsStepsFromTheCheckpoint(FxRobot robot) throws Exception {
        // A checkpoint every 4 steps (evaluation every 4): cancelled after the first one, it must continue from it.
        toOpen = LiveRuns.quickDemoCopy(temp.resolve("configs"), "live-resume", 400, 4);
        openWindow(robot);
        RunFolder run = launchFromTheRunsView(robot);
        RunRow row = row(robot, run);
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        robot.interact(() -> table.getSelectionModel().select(row));
        LiveRuns.waitFor("the first checkpoint", run, () -> row.info().lastCheckpoint() != null);
        robot.clickOn("#cancel-run");
        LiveRuns.waitFor("the run cancelled", run, () -> row.info().state() == RunState.CANCELLED);
        long cancelledAt = run.info().step();
        String checkpoint = run.info().lastCheckpoint();
        int checkpointStep = Integer.parseInt(checkpoint.replaceAll("\\D", ""));
        assertTrue(checkpointStep >= 4 && checkpointStep <= cancelledAt, checkpoint + " at step " + cancelledAt);
        List<String> upToCheckpoint = LiveRuns.events(run, "train").stream()
                .filter(e -> e.get("step").asLong() <= checkpointStep).map(JsonNode::toString).toList();

        robot.clickOn("#resume-run");
        LiveRuns.waitFor("the run resumed and past where it was cancelled", run,
                () -> row.info().state() == RunState.RUNNING && row.info().step() > cancelledAt + 2);
        robot.clickOn("#cancel-run");
        LiveRuns.waitFor("the resumed run cancelled", run, () -> row.info().state() == RunState.CANCELLED);

        // One continuous log: every step 1..N exactly once (the resume cut the log back to its checkpoint).
        List<Long> steps = LiveRuns.events(run, "train").stream().map(e -> e.get("step").asLong()).toList();
        List<Long> expected = java.util.stream.LongStream.rangeClosed(1, steps.size()).boxed().toList();
        assertEquals(expected, steps);
        assertTrue(steps.size() > cancelledAt + 2, "trained on after the resume: " + steps.size());
        // Continued, not restarted: the steps up to the checkpoint are the first worker's lines, untouched.
        assertEquals(upToCheckpoint, LiveRuns.events(run, "train").stream()
                .filter(e -> e.get("step").asLong() <= checkpointStep).map(JsonNode::toString).toList());
    }

    // ---- helpers ----

    private void openWindow(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        workspace = TestRuns.workspace(runs, null);
        ExperimentFiles files = TestRuns.opening(() -> toOpen);
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(FakeModelService.returning(LiveRuns.CARD),
                    new CurrentThreadTaskExecutor(), (owner, start) -> Optional.empty(), workspace, files, null);
            stage.setScene(new Scene(window, 1200, 800));
            stage.show();
        });
    }

    /** Opens the experiment file in the runs view and presses Launch: the run folder the manager created. */
    private RunFolder launchFromTheRunsView(FxRobot robot) throws Exception {
        robot.clickOn("Runs");
        robot.clickOn("#open-experiment");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Valid: ready to launch.", robot.lookup("#experiment-problems").queryAs(VBox.class)
                .getChildren().stream().map(n -> ((Label) n).getText()).findFirst().orElse(""));
        robot.clickOn("#launch-run");
        WaitForAsyncUtils.waitForFxEvents();
        String status = robot.lookup("#launch-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("Queued "), status);
        List<RunFolder> folders = workspace.manager().list();
        assertEquals(1, folders.size(), "one run folder");
        return folders.get(0);
    }

    private static RunRow row(FxRobot robot, RunFolder run) throws Exception {
        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        LiveRuns.waitFor("the run in the table", run, () -> table.getItems().stream()
                .anyMatch(r -> r.folder().dir().equals(run.dir())));
        return table.getItems().stream().filter(r -> r.folder().dir().equals(run.dir())).findFirst().orElseThrow();
    }

    private static XYSeriesCollection chartData(FxRobot robot, String id) {
        ChartViewer viewer = robot.lookup("#chart-" + id).queryAs(ChartViewer.class);
        assertNotNull(viewer, id);
        return (XYSeriesCollection) viewer.getChart().getXYPlot().getDataset();
    }

    private static XYSeries series(XYSeriesCollection data, RunFolder run) {
        int i = data.getSeriesIndex(run.name());
        return i < 0 ? null : data.getSeries(i);
    }

    private static int points(XYSeriesCollection data, RunFolder run) {
        XYSeries s = series(data, run);
        return s == null ? 0 : s.getItemCount();
    }

}
