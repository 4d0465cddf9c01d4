package org.tessera.app.shell;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.runs.LiveRuns;
import org.tessera.app.runs.TestRuns;
import org.tessera.app.session.FakeModelService;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.task.WorkerTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A long influence analysis runs on its own worker: while it computes, the runs form still loads and checks an
 * experiment and Launch becomes available; Cancel stops the analysis within a second.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisBesideRunsTest {
    @TempDir
    Path runs;
    private Stage stage;
    private RunsWorkspace workspace;
    private WorkerTaskExecutor executor;
    private WorkerTaskExecutor analysisExecutor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        for (AutoCloseable c : new AutoCloseable[] {workspace, executor, analysisExecutor}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception ignored) {
                // closing test resources
            }
        }
    }

    @Test
    void launchStaysUsableWhileAnInfluenceAnalysisRunsAndCancelStopsItWithinASecond(FxRobot robot) throws Exception {
        workspace = TestRuns.workspace(runs, LiveRuns.samplesDir());
        executor = new WorkerTaskExecutor(Platform::runLater, 1);
        analysisExecutor = new WorkerTaskExecutor(Platform::runLater, 1, "tessera-analysis");
        WorkbenchWindow[] window = new WorkbenchWindow[1];
        robot.interact(() -> {
            window[0] = new WorkbenchWindow(FakeModelService.returning(LiveRuns.CARD), executor, analysisExecutor,
                    (owner, start) -> Optional.empty(), workspace, null, null);
            stage.setScene(new Scene(window[0], 1280, 800));
            stage.show();
            window[0].show(Section.ANALYSIS);
        });
        Path model = LiveRuns.projectRoot().resolve("assets/models/tessera-tiny");
        robot.interact(() -> {
            robot.lookup("#analysis-model").queryAs(TextField.class).setText(model.toString());
            robot.lookup("#influence-samples").<Spinner<Integer>>query().getValueFactory().setValue(1000);
        });
        robot.clickOn("Influence");
        Button compute = robot.lookup("#influence-compute").queryAs(Button.class);
        robot.clickOn(compute);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> compute.isDisabled());

        // The runs form loads a sample and checks its folders on the window's worker: not behind the analysis.
        robot.interact(() -> window[0].show(Section.RUNS));
        ComboBox<Path> samples = robot.lookup("#sample-experiments").query();
        Path quickDemo = samples.getItems().stream().filter(p -> p.getFileName().toString().equals("quick-demo.json"))
                .findFirst().orElseThrow();
        robot.interact(() -> samples.getSelectionModel().select(quickDemo));
        Button launch = robot.lookup("#launch-run").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !launch.isDisabled());
        assertTrue(compute.isDisabled(), "the analysis was still running while the form became ready");

        robot.interact(() -> window[0].show(Section.ANALYSIS));
        Node cancel = robot.lookup("#influence-cancel").query();
        String doing = robot.lookup("#influence-progress-message").queryLabeled().getText();
        long clicked = System.nanoTime();
        robot.interact(() -> ((Button) cancel).fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !compute.isDisabled());
        double seconds = (System.nanoTime() - clicked) / 1e9;
        System.out.printf("cancel latency %.3f s (clicked while: %s)%n", seconds, doing);
        assertTrue(seconds < 1.0, "cancel took " + seconds + " s, clicked while: " + doing);
        assertFalse(compute.isDisabled());
    }
}
