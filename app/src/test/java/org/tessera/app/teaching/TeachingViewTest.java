package org.tessera.app.teaching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.session.FakeModelService;
import org.tessera.app.runs.LiveRuns;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.runs.TestRuns;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.app.shell.WorkbenchWindow;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The "SFT vs RFT" lesson: its experiment files, a real start from the button, and reattaching to old runs. */
@ExtendWith(ApplicationExtension.class)
class TeachingViewTest {

    @TempDir
    Path temp;
    private Stage stage;
    private RunsWorkspace workspace;

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
    void theLessonsTwoExperimentsAreValidAndDifferOnlyInTheirMethod() {
        Experiment sft = ExperimentLoader.load(TeachingView.Role.SFT.file(LiveRuns.samplesDir()));
        Experiment grpo = ExperimentLoader.load(TeachingView.Role.GRPO.file(LiveRuns.samplesDir()));
        assertEquals("lesson-sft", sft.name());
        assertEquals("lesson-grpo", grpo.name());
        assertEquals("sft", sft.method().kind());
        assertEquals("answer-only", sft.method().sft().data());
        assertEquals("grpo", grpo.method().kind());
        // Like with like: same model, same training puzzles (task + seed), same held-out evaluation.
        assertEquals(sft.baseModel(), grpo.baseModel());
        assertEquals(sft.seed(), grpo.seed());
        assertEquals(sft.task(), grpo.task());
        assertEquals(sft.eval().jigsawN(), grpo.eval().jigsawN());
        assertEquals(sft.eval().knowledgeN(), grpo.eval().knowledgeN());
        assertEquals(sft.eval().klProbeN(), grpo.eval().klProbeN());
        assertEquals(sft.eval().maxNewTokens(), grpo.eval().maxNewTokens());
        assertTrue(Files.isDirectory(LiveRuns.projectRoot().resolve(sft.baseModel())), sft.baseModel());
    }

    @Test
    void eachLaneShowsExactAndPartialCreditAndFinishedRunsGetADebriefInPlainWords(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        RunFolder sft = TestRuns.named(TestRuns.write(runs, "20261204-100000-lesson-sft",
                TestRuns.experiment("lesson-sft", "sft", 0.001), RunState.FINISHED, 80, List.of(
                        eval(0, 0.0, 0.25, 0.84), eval(40, 0.5, 0.7, 0.7), eval(80, 0.73, 0.85, 0.57)), List.of()),
                "lesson-sft");
        RunFolder grpo = TestRuns.named(TestRuns.write(runs, "20261204-100500-lesson-grpo",
                TestRuns.experiment("lesson-grpo", "grpo", 0.001), RunState.RUNNING, 20, List.of(
                        eval(0, 0.0, 0.0, 0.84), eval(20, 0.0, 0.1, 0.84)), List.of()), "lesson-grpo");
        // The GRPO run is still going (a live process: this one): no debrief yet.
        grpo.writeInfo(grpo.info().startedBy(ProcessHandle.current().pid(), "cpu()", java.util.Map.of(), null));
        workspace = TestRuns.workspace(runs, LiveRuns.samplesDir());
        TeachingView[] view = new TeachingView[1];
        robot.interact(() -> {
            view[0] = new TeachingView(workspace, new CurrentThreadTaskExecutor());
            // The width the view gets in a 1280x800 window, beside the navigation list.
            view[0].getStylesheets().add(java.util.Objects.requireNonNull(
                    WorkbenchWindow.class.getResource("/org/tessera/app/workbench.css")).toExternalForm());
            stage.setScene(new Scene(view[0], 1090, 760));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "10 %".equals(text(robot, "#lesson-grpo-hit")));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#lesson-sft-jigsaw", "#lesson-sft-hit", "#lesson-sft-knowledge")) {
            Label number = robot.lookup(id).queryAs(Label.class);
            assertTrue(number.getWidth() + 0.5 >= number.prefWidth(-1),
                    id + " is cut: " + number.getWidth() + " < " + number.prefWidth(-1));
        }
        assertEquals("73 %", text(robot, "#lesson-sft-jigsaw"));
        assertEquals("85 %", text(robot, "#lesson-sft-hit"));
        assertEquals("0 %", text(robot, "#lesson-grpo-jigsaw"));
        assertTrue(view[0].debriefText().isEmpty(), "no debrief while a lesson run is going on");

        // The GRPO run ends after more evaluations: its partial credit rose while it solved no whole puzzle.
        Files.write(grpo.metricsFile(), List.of(eval(40, 0.0, 0.23, 0.83)), java.nio.file.StandardOpenOption.APPEND);
        grpo.writeInfo(grpo.info().with(RunState.FINISHED, "finished at step 40"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !view[0].debriefText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String debrief = String.join("\n", view[0].debriefText());
        assertTrue(debrief.contains("Answer-only SFT: puzzles solved 0 % \u2192 73 %, tiles in the right place "
                + "25 % \u2192 85 %, old knowledge 84 % \u2192 57 % (lost 27 points)."), debrief);
        assertTrue(debrief.contains("GRPO (RFT): puzzles solved 0 % \u2192 0 %, tiles in the right place 0 % \u2192 23 %"),
                debrief);
        assertTrue(debrief.contains("it was learning, slowly"), debrief);
        assertTrue(debrief.contains("What the paper found."), debrief);
        assertTrue(debrief.contains("4 held-out puzzles"), debrief);
        assertTrue(robot.lookup("#lesson-debrief").query().isVisible());
    }

    private static String eval(int step, double exact, double hit, double knowledge) {
        return "{\"step\": " + step + ", \"event\": \"eval\", \"wall_s\": " + step + ", \"eval\": {\"jigsaw\": "
                + "{\"exact\": " + exact + ", \"hit\": " + hit + ", \"format\": 1.0, \"n\": 4}, \"knowledge\": "
                + "{\"families\": {\"grounding\": {\"accuracy\": " + knowledge + ", \"format\": 1, \"choice\": 0.9, "
                + "\"nll\": 1.2, \"n\": 12}}, \"average\": {\"accuracy\": " + knowledge + ", \"format\": 1, "
                + "\"choice\": 0.8, \"nll\": 1.5}}}}";
    }

    @Test
    void startTheLessonLaunchesBothRunsAndTheTradeOffPlotFillsInLive(FxRobot robot) throws Exception {
        assertEquals(LiveRuns.projectRoot().toRealPath(), Path.of(System.getenv("TESSERA_ROOT")).toRealPath(),
                "workers resolve the lesson's base_model under TESSERA_ROOT, as with ./tessera");
        TeachingView view = open(robot, LiveRuns.samplesDir());
        Button start = robot.lookup("#start-lesson").queryButton();
        assertEquals("Start the lesson", start.getText());
        assertFalse(start.isDisabled());

        robot.clickOn("#start-lesson");
        WaitForAsyncUtils.waitForFxEvents();
        List<RunFolder> runs = workspace.manager().list();
        assertEquals(2, runs.size(), "one click, two runs");
        RunFolder sft = view.shown(TeachingView.Role.SFT);
        RunFolder grpo = view.shown(TeachingView.Role.GRPO);
        assertNotNull(sft);
        assertNotNull(grpo);
        assertTrue(sft.name().endsWith("-lesson-sft") && grpo.name().endsWith("-lesson-grpo"), runs.toString());
        assertEquals(sft.name(), text(robot, "#lesson-sft-run"));
        assertEquals(grpo.name(), text(robot, "#lesson-grpo-run"));
        assertTrue(start.isDisabled(), "one lesson at a time");
        assertEquals("Lesson running …", start.getText());

        // The SFT worker starts, evaluates the base model, and the first dot appears on the plot.
        XYSeries sftLine = view.plot().series(TeachingView.Role.SFT.title());
        LiveRuns.waitFor("the SFT run's first evaluation on the plot", sft, () -> sftLine.getItemCount() >= 1);
        assertEquals(RunState.RUNNING, sft.info().state());
        assertEquals(RunState.QUEUED, grpo.info().state(), "runs take turns");
        assertEquals("Waiting for its turn", text(robot, "#lesson-grpo-state"));
        double exact = sftLine.getX(0).doubleValue();
        double knowledge = sftLine.getY(0).doubleValue();
        assertTrue(exact >= 0 && exact <= 1 && knowledge >= 0 && knowledge <= 1, exact + ", " + knowledge);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !text(robot, "#lesson-sft-knowledge").equals("–"));

        // Stop the lesson from the run manager (the runs view's Cancel): both end cancelled, the button comes back.
        workspace.manager().cancel(grpo);
        workspace.manager().cancel(sft);
        LiveRuns.waitFor("both runs cancelled", sft, () -> text(robot, "#lesson-sft-state").startsWith("Cancelled")
                && text(robot, "#lesson-grpo-state").startsWith("Cancelled"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !start.isDisabled());
        assertEquals("Start the lesson again", start.getText());
    }

    @Test
    void reattachesToTheNewestLessonRunsAlreadyInTheRunsFolder(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        String sft = TestRuns.experiment("lesson-sft", "sft", 0.001);
        String grpo = TestRuns.experiment("lesson-grpo", "grpo", 0.001);
        TestRuns.named(TestRuns.write(runs, "20260101-100000-lesson-sft", sft, RunState.FINISHED, 20,
                List.of(eval(0, 0.0, 0.6), eval(20, 0.5, 0.1)), List.of()), "lesson-sft");
        TestRuns.named(TestRuns.write(runs, "20260102-100000-lesson-sft", sft, RunState.FINISHED, 20,
                List.of(eval(0, 0.0, 0.6), eval(10, 0.1, 0.4), eval(20, 0.25, 0.3)), List.of()), "lesson-sft");
        TestRuns.named(TestRuns.write(runs, "20260102-100001-lesson-grpo", grpo, RunState.CANCELLED, 5,
                List.of(eval(0, 0.0, 0.6), eval(5, 0.05, 0.55)), List.of()), "lesson-grpo");
        TestRuns.write(runs, "20260103-100000-other", sft, RunState.FINISHED, 20, List.of(eval(0, 0.9, 0.9)),
                List.of());
        workspace = TestRuns.workspace(runs, temp.resolve("no-samples"));
        TeachingView view = openView(robot);

        XYSeries sftLine = view.plot().series(TeachingView.Role.SFT.title());
        XYSeries grpoLine = view.plot().series(TeachingView.Role.GRPO.title());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> sftLine.getItemCount() == 3
                && grpoLine.getItemCount() == 2);
        assertEquals("20260102-100000-lesson-sft", view.shown(TeachingView.Role.SFT).name(), "the newest");
        assertEquals(List.of(0.0, 0.1, 0.25), List.of(sftLine.getX(0).doubleValue(), sftLine.getX(1).doubleValue(),
                sftLine.getX(2).doubleValue()));
        assertEquals(0.3, sftLine.getY(2).doubleValue(), 1e-12);
        assertEquals(0.55, grpoLine.getY(1).doubleValue(), 1e-12);
        assertEquals(2, view.plot().data().getSeriesCount(), "other runs are not part of the lesson");
        assertEquals("Finished: 20 steps", text(robot, "#lesson-sft-state"));
        assertEquals("25 %", text(robot, "#lesson-sft-jigsaw"));
        assertEquals("30 %", text(robot, "#lesson-sft-knowledge"));
        assertEquals("Cancelled at step 5", text(robot, "#lesson-grpo-state"));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !view.redraws().pending(view.plot().chart()));

        // No sample files here: the view says so and cannot start.
        Button start = robot.lookup("#start-lesson").queryButton();
        assertTrue(start.isDisabled());
        assertTrue(text(robot, "#lesson-status").contains("lesson-sft.json"), text(robot, "#lesson-status"));
    }

    // ---- helpers ----

    private TeachingView open(FxRobot robot, Path samples) throws Exception {
        workspace = TestRuns.workspace(Files.createDirectories(temp.resolve("runs")), samples);
        return openView(robot);
    }

    /** The whole window on the workspace, navigated to the teaching view by a click, as a user does. */
    private TeachingView openView(FxRobot robot) {
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(FakeModelService.returning(LiveRuns.CARD),
                    new CurrentThreadTaskExecutor(), (owner, start) -> Optional.empty(), workspace, null, null);
            stage.setScene(new Scene(window, 1200, 760));
            stage.show();
        });
        robot.clickOn("Teaching");
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#teaching-view").queryAs(TeachingView.class);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static String eval(int step, double exact, double knowledge) {
        return "{\"step\": " + step + ", \"event\": \"eval\", \"wall_s\": " + step + ", \"eval\": {\"jigsaw\": "
                + "{\"exact\": " + exact + ", \"hit\": 0.5, \"format\": 1.0, \"n\": 4}, \"knowledge\": {\"families\": "
                + "{}, \"average\": {\"accuracy\": " + knowledge + ", \"format\": 1, \"choice\": 0.8, \"nll\": 1.5}}}}";
    }

}
