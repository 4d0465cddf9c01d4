package org.tessera.app.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.runs.TestRuns;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Metrics written to a run folder reach the charts through the real RunManager and the coalescing feed. */
@ExtendWith(ApplicationExtension.class)
class DashboardViewTest {
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
        if (workspace != null) {
            workspace.close();
        }
    }

    static String train(int step, double loss) {
        return "{\"step\": " + step + ", \"event\": \"train\", \"phase\": \"sft\", \"wall_s\": " + step
                + ", \"loss\": " + loss + ", \"lr\": 0.001, \"grad_norm\": 1.0}";
    }

    static String eval(int step, double exact, double knowledge) {
        return "{\"step\": " + step + ", \"event\": \"eval\", \"wall_s\": " + step + ", \"eval\": {\"jigsaw\": "
                + "{\"exact\": " + exact + ", \"hit\": 0.5, \"format\": 1.0, \"n\": 4}, \"knowledge\": {\"families\": "
                + "{\"grounding\": {\"accuracy\": " + knowledge + ", \"format\": 1, \"choice\": 0.9, \"nll\": 1.2, "
                + "\"n\": 2}, \"reading\": {\"accuracy\": 0.5, \"format\": 1, \"choice\": 0.6, \"nll\": 2.0, \"n\": 2}}"
                + ", \"average\": {\"accuracy\": " + knowledge + ", \"format\": 1, \"choice\": 0.8, \"nll\": 1.5}}, "
                + "\"kl_knowledge\": 0.01, \"kl_task\": 0.2}}";
    }

    @Test
    void metricsEventsFromARunFolderAppearInTheCharts(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        RunFolder run = TestRuns.write(runs, "20260101-100000-sft", TestRuns.experiment("sft", "sft", 0.001),
                RunState.FINISHED, 10, List.of(train(1, 2.0), train(2, 1.8), eval(0, 0.0, 0.9), eval(5, 0.25, 0.8)),
                List.of());
        workspace = TestRuns.workspace(runs, null);
        Path exported = temp.resolve("jigsaw.csv");
        DashboardView[] view = new DashboardView[1];
        robot.interact(() -> {
            view[0] = new DashboardView(workspace.feed(), new CurrentThreadTaskExecutor(),
                    (owner, name, ext) -> Optional.of(exported));
            stage.setScene(new Scene(view[0], 1200, 800));
            stage.show();
        });

        XYSeriesCollection jigsaw = view[0].chart("jigsaw").data();
        XYSeriesCollection knowledge = view[0].chart("knowledge").data();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jigsaw.getSeriesCount() == 1
                && jigsaw.getSeries(0).getItemCount() == 2);
        assertEquals("20260101-100000-sft", jigsaw.getSeries(0).getKey());
        assertEquals(0.25, jigsaw.getSeries(0).getY(1).doubleValue(), 1e-12);
        assertEquals(List.of(0.9, 0.8), List.of(knowledge.getSeries(0).getY(0).doubleValue(),
                knowledge.getSeries(0).getY(1).doubleValue()));
        assertEquals(2, view[0].chart("families").data().getSeriesCount(), "one line per knowledge family");
        assertEquals(2, view[0].chart("loss").data().getSeries(0).getItemCount());
        assertEquals(0.25, view[0].chart("tradeoff").data().getSeries(0).getX(1).doubleValue(), 1e-12);

        // A live run appends: the new points arrive through the manager's follower.
        Files.write(run.metricsFile(), List.of(eval(10, 0.5, 0.7)), StandardOpenOption.APPEND);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> jigsaw.getSeries(0).getItemCount() == 3
                && knowledge.getSeries(0).getItemCount() == 3);
        assertEquals(0.7, knowledge.getSeries(0).getY(2).doubleValue(), 1e-12);

        // The knowledge metric switch redraws from the stored events.
        robot.interact(() -> robot.lookup("#knowledge-metric").queryComboBox().getSelectionModel().select("choice"));
        assertEquals(0.8, knowledge.getSeries(0).getY(0).doubleValue(), 1e-12);

        robot.interact(() -> view[0].export(view[0].chart("jigsaw"), "csv", exported));
        List<String> csv = Files.readAllLines(exported);
        assertEquals("series,step,exact", csv.get(0));
        assertEquals("20260101-100000-sft,10,0.5", csv.get(3));
        Path svg = temp.resolve("jigsaw.svg");
        robot.interact(() -> view[0].export(view[0].chart("jigsaw"), "svg", svg));
        assertTrue(Files.readString(svg).contains("<svg"));
        Path png = temp.resolve("jigsaw.png");
        robot.interact(() -> view[0].export(view[0].chart("jigsaw"), "png", png));
        assertTrue(Files.size(png) > 1000);
    }
}
