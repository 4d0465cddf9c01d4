package org.tessera.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tessera.app.session.FakeModelService;
import org.tessera.app.shell.Section;
import org.tessera.app.shell.WorkbenchWindow;
import org.tessera.app.task.WorkerTaskExecutor;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.world.KnowledgeSuite;
import org.tessera.engine.world.SuiteResult;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The knowledge suite shows its progress in a strip, and Cancel ends the measurement within one batch with
 * "Cancelled.": the fake suite below reports a batch every few milliseconds and would run forever unless the
 * panel's monitor reaches it and cancels.
 */
@ExtendWith(ApplicationExtension.class)
class KnowledgeScoresCancelTest {
    private static final ModelCard CARD = new ModelCard("fake-tiny", "test", 1, 0, "cpu()", null, Map.of(), Map.of());

    private Stage stage;
    private WorkerTaskExecutor executor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void theStripShowsTheSuitesProgressAndCancelEndsItWithCancelled(FxRobot robot) throws Exception {
        FakeModelService models = FakeModelService.returning(CARD);
        AtomicInteger batches = new AtomicInteger();
        CountDownLatch ended = new CountDownLatch(1);
        models.knowledge = (n, monitor) -> {
            try {
                for (int batch = 0; ; batch++) { // a suite of endless batches: only a cancel ends it
                    monitor.throwIfCancelled("batch " + batch);
                    monitor.progress(KnowledgeSuite.TASK, batch, 1_000_000, "generating answers");
                    batches.incrementAndGet();
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                ended.countDown();
            }
        };
        executor = new WorkerTaskExecutor(Platform::runLater, 1);
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(models, executor, (owner, start) -> Optional.empty());
            stage.setScene(new Scene(window, 1200, 780));
            stage.show();
            window.loadModel(Path.of("fake-model"));
            window.show(Section.MODEL);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "fake-tiny".equals(robot.lookup("#model-name").queryAs(Label.class).getText()));

        Node strip = robot.lookup("#knowledge-progress").query();
        Button measure = robot.lookup("#measure-knowledge").queryAs(Button.class);
        assertFalse(strip.isVisible(), "no strip before a measurement");
        robot.interact(measure::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> batches.get() > 3);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "generating answers".equals(
                robot.lookup("#knowledge-progress-message").queryLabeled().getText()));
        assertTrue(strip.isVisible());
        assertTrue(measure.isDisabled(), "one measurement at a time");

        robot.interact(() -> robot.lookup("#knowledge-cancel").queryAs(Button.class).fire());
        assertTrue(ended.await(2, TimeUnit.SECONDS), "the suite stopped at its next batch");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !measure.isDisabled());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cancelled.", robot.lookup("#knowledge-status").queryAs(Label.class).getText());
        assertFalse(strip.isVisible(), "the strip goes once the measurement ended");
        TableView<KnowledgeScoresPanel.Row> table = robot.lookup("#knowledge-table").query();
        assertTrue(table.getItems().isEmpty(), "a cancelled suite shows no scores");

        // the next measurement runs to its end and fills the table
        models.knowledge = (n, monitor) -> {
            monitor.progress(KnowledgeSuite.TASK, 1, 1, "scoring answers");
            return new SuiteResult(SuiteResult.SUITE, "fake-tiny", Map.of("vqa",
                    new SuiteResult.FamilyScore(0.5, 1, 0.5, 0.7, n)), new SuiteResult.Average(0.5, 1, 0.5, 0.7));
        };
        robot.interact(measure::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !measure.isDisabled() && !table.getItems().isEmpty());
        assertEquals(List.of("vqa", "average"), table.getItems().stream().map(KnowledgeScoresPanel.Row::family)
                .toList());
        assertFalse(strip.isVisible());
    }
}
