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
import org.tessera.app.charts.DashboardChart;
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
            view[0] = new DashboardView(workspace.feed(), workspace.settings(), new CurrentThreadTaskExecutor(),
                    (owner, name, ext) -> Optional.of(exported), (owner, start) -> Optional.empty());
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

        // Export all: every chart as PNG, SVG and CSV in one folder.
        Path all = temp.resolve("all-charts");
        robot.interact(() -> view[0].exportAll(all));
        for (String id : List.of("jigsaw", "knowledge", "tradeoff", "families", "reward", "kl", "loss", "lr")) {
            for (String ext : List.of("png", "svg", "csv")) {
                assertTrue(Files.isRegularFile(all.resolve(id + "." + ext)), id + "." + ext);
            }
        }
        assertTrue(robot.lookup("#dashboard-status").queryAs(javafx.scene.control.Label.class).getText()
                .startsWith("Exported 8 charts (24 files"));
    }

    @Test
    void aRunHasOneColourInEveryChartAndAfterARestartAndMetricsDifferByLineStyle(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        List<String> names = List.of("20261204-100000-sft-a", "20261204-110000-grpo-b", "20261204-120000-rft-c");
        for (String n : names) {
            TestRuns.write(runs, n, TestRuns.experiment("x", "sft", 0.001), RunState.FINISHED, 10, List.of(
                    train(1, 2.0), grpoTrain(2), eval(0, 0.0, 0.9), eval(5, 0.25, 0.8)), List.of());
        }
        java.util.Map<String, java.awt.Paint> firstSession = new java.util.HashMap<>();
        for (int session = 0; session < 2; session++) {
            DashboardView view = open(robot, runs);
            for (String id : List.of("jigsaw", "knowledge", "tradeoff", "families", "reward", "kl", "loss")) {
                DashboardChart chart = view.chart(id);
                WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.data().getSeriesCount() >= names.size());
                var renderer = chart.chart().getXYPlot().getRenderer();
                java.util.Map<String, java.util.Set<java.awt.Stroke>> strokes = new java.util.HashMap<>();
                for (int i = 0; i < chart.data().getSeriesCount(); i++) {
                    String key = (String) chart.data().getSeriesKey(i);
                    String run = key.split(" · ")[0];
                    java.awt.Paint paint = renderer.getSeriesPaint(i);
                    assertEquals(org.tessera.app.charts.RunColours.of(run), paint, id + ": " + key);
                    java.awt.Paint before = firstSession.putIfAbsent(run, paint);
                    assertEquals(before == null ? paint : before, paint, "same colour as in the first chart/session");
                    strokes.computeIfAbsent(run, r -> new java.util.HashSet<>()).add(renderer.getSeriesStroke(i));
                    // values on hover: every line has a tooltip naming it, its x and y
                    String tip = renderer.getToolTipGenerator(i, 0).generateToolTip(chart.data(), i, 0);
                    assertTrue(tip.startsWith(key + ": "), tip);
                }
                int metricsPerRun = chart.data().getSeriesCount() / names.size();
                for (var e : strokes.entrySet()) {
                    assertEquals(metricsPerRun, e.getValue().size(), id + ": one line style per metric of " + e.getKey());
                }
                // the legend is a key of line styles, never one entry per run and metric
                assertTrue(chart.chart().getXYPlot().getLegendItems().getItemCount() <= Math.max(1, metricsPerRun),
                        id + " legend: " + chart.chart().getXYPlot().getLegendItems().getItemCount());
            }
            assertEquals(3, firstSession.size());
            workspace.close();
            workspace = null;
        }
        // Colour-blind-safe palette readable on white: no yellow.
        for (java.awt.Color c : org.tessera.app.charts.RunColours.PALETTE) {
            assertTrue(c.getRed() + c.getGreen() < 420 || c.getBlue() > 100, "not yellowish: " + c);
        }
    }

    @Test
    void runningAndNewRunsAreOverlaidWithoutAClickAndEmptyFailedRunsAreNotListed(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        for (int i = 0; i < 5; i++) {
            TestRuns.write(runs, "20261204-10000" + i + "-old-" + i, TestRuns.experiment("x", "sft", 0.001),
                    RunState.FINISHED, 10, List.of(train(1, 2.0), eval(5, 0.25, 0.8)), List.of());
        }
        TestRuns.write(runs, "20261204-110000-failed-empty", TestRuns.experiment("f", "sft", 0.001),
                RunState.FAILED, 0, List.of(), List.of());
        RunFolder running = TestRuns.write(runs, "20261204-090000-running-old", TestRuns.experiment("r", "sft",
                0.001), RunState.FINISHED, 3, List.of(train(1, 2.0)), List.of());
        running.claim();
        // a run that is running in a live process (this one) started earlier than the others
        running.writeInfo(running.info().with(RunState.RUNNING, null).startedBy(ProcessHandle.current().pid(), "cpu()",
                java.util.Map.of(), null));
        DashboardView view = open(robot, runs);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.listedRuns().size() == 6);
        assertTrue(view.listedRuns().stream().noneMatch(r -> r.contains("failed-empty")), view.listedRuns().toString());
        assertTrue(view.overlaid("20261204-090000-running-old"), "a running run is overlaid though it is old");
        assertEquals(List.of(true, true, true, true, false), List.of(4, 3, 2, 1, 0).stream()
                .map(i -> view.overlaid("20261204-10000" + i + "-old-" + i)).toList(), "the newest four finished");

        // A run launched while the window is open (another process claimed it) appears and is charted at once.
        RunFolder fresh = RunManagerFolders.queuedElsewhere(runs, "fresh");
        Files.write(fresh.metricsFile(), List.of(eval(0, 0.0, 0.9)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.overlaid(fresh.name())
                && view.chart("jigsaw").data().getSeriesIndex(fresh.name()) >= 0);
        assertEquals(fresh.name(), view.listedRuns().get(0), "newest first");
    }

    private DashboardView open(FxRobot robot, Path runs) {
        workspace = TestRuns.workspace(runs, null);
        DashboardView[] view = new DashboardView[1];
        robot.interact(() -> {
            view[0] = new DashboardView(workspace.feed(), workspace.settings(), new CurrentThreadTaskExecutor(),
                    (owner, name, ext) -> Optional.empty(), (owner, start) -> Optional.empty());
            stage.setScene(new Scene(view[0], 1280, 800));
            stage.show();
        });
        return view[0];
    }

    static String grpoTrain(int step) {
        return "{\"step\": " + step + ", \"event\": \"train\", \"phase\": \"grpo\", \"wall_s\": " + step
                + ", \"loss\": 0.1, \"lr\": 0.001, \"reward_mean\": 0.4, \"reward_std\": 0.2, \"kl\": 0.01}";
    }

    /** Run folders as a CLI in another process leaves them: created, claimed, queued. */
    static final class RunManagerFolders {
        static RunFolder queuedElsewhere(Path runs, String name) {
            return org.tessera.engine.runs.RunManager.createFolder(runs, org.tessera.engine.experiment.ExperimentLoader
                    .parse(TestRuns.experiment(name, "sft", 0.001), Path.of(name)), true);
        }
    }
}
