package org.tessera.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.runs.TestRuns;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.task.WorkerTaskExecutor;
import org.tessera.engine.analysis.PerplexityAnalysis.KindSummary;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.AnswerFormat;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.task.TaskSetup;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Analysis view on fake run folders (a GRPO run with a small rollouts.jsonl, an SFT run) and the shipped base
 * model: per-kind perplexity and influence numbers in the tables and the charts, KL vs forgetting across the runs,
 * exports, cancel, and bad data shown as messages. Never asserts a model's scores (the shipped model changes), only
 * that the numbers are there and well-formed.
 */
@ExtendWith(ApplicationExtension.class)
class AnalysisViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Surefire runs in app/; the shipped model sits at the repository root. */
    private static final Path MODEL = Path.of("..").resolve(ModelLoader.DEFAULT_MODEL).toAbsolutePath().normalize();

    @TempDir
    Path temp;
    private Stage stage;
    private RunsWorkspace workspace;
    private TaskExecutor executor;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
        if (executor != null) {
            executor.close();
        }
    }

    @Test
    void perplexityAndInfluencePerKindAppearInTablesAndCharts(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        String grpo = TestRuns.experiment("grpo", "grpo", 0.001);
        TestRuns.write(runs, "20260101-100000-grpo", grpo, RunState.FINISHED, 10,
                List.of(eval(0, 0.0, 0.80), eval(10, 0.05, 0.79)), List.of(rollouts(grpo, 2, 3), rollouts(grpo, 4, 5)));
        TestRuns.write(runs, "20260101-110000-sft", TestRuns.experiment("sft", "sft", 0.001), RunState.FINISHED, 10,
                List.of(eval(0, 0.0, 0.80), eval(10, 0.9, 0.60)), List.of());
        Map<String, Path> exported = new LinkedHashMap<>();
        AnalysisView view = open(robot, runs, new WorkerTaskExecutor(Platform::runLater, 1), (owner, name, ext) -> {
            Path target = temp.resolve(name + "." + ext);
            exported.put(name + "." + ext, target);
            return Optional.of(target);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.data().runs().size() == 2);
        RunFolder grpoRun = view.data().runs().stream().filter(r -> r.name().endsWith("grpo")).findFirst().orElseThrow();
        robot.interact(() -> {
            view.data().selectRun(grpoRun);
            view.data().setKind("teacher-reasoning", false); // long traces: slow, and a context-size matter
            view.perplexity().setSamples(3);
        });

        long t0 = System.nanoTime();
        robot.clickOn("#perplexity-compute");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> !view.perplexity().isComputing());
        System.out.printf("analysis view: perplexity of 3 kinds in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        assertFalse(text(robot, "#perplexity-message").startsWith("Not computed"), text(robot, "#perplexity-message"));
        List<KindSummary> kinds = robot.lookup("#perplexity-table").<javafx.scene.control.TableView<KindSummary>>query()
                .getItems();
        assertEquals(List.of("answer-only", "rollouts", "rollouts-exact"), kinds.stream().map(KindSummary::kind).toList());
        assertEquals(List.of(3, 3, 2), kinds.stream().map(KindSummary::n).toList(), "2 of the 4 rollouts are exact");
        for (KindSummary k : kinds) {
            // exp of a mean NLL is at least 1, whatever the model
            assertTrue(k.perplexity().median() >= 1 && Double.isFinite(k.perplexity().mean()), k.toString());
        }
        Set<String> cells = cellTexts(robot, "#perplexity-table");
        assertTrue(cells.containsAll(List.of("answer-only", "rollouts-exact", "3", "2",
                Numbers.format(kinds.get(0).perplexity().median()))), cells.toString());
        IntervalXYDataset histogram = (IntervalXYDataset) view.perplexity().chart().getXYPlot().getDataset();
        assertEquals(3, histogram.getSeriesCount());
        for (int s = 0; s < 3; s++) {
            double count = 0;
            for (int i = 0; i < histogram.getItemCount(s); i++) {
                count += histogram.getYValue(s, i);
            }
            assertEquals(kinds.get(s).n(), count, 1e-9, "every sample in one bin of its kind's histogram");
        }

        // Exports: the chart as PNG and SVG, its bins and the table as CSV.
        ExportBar bar = view.perplexity().exportBar();
        robot.interact(() -> {
            bar.export("png", temp.resolve("p.png"), null);
            bar.export("svg", temp.resolve("p.svg"), null);
            robot.lookup("#perplexity-export-csv").queryButton().fire();
            robot.lookup("#perplexity-export-table-csv").queryButton().fire();
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> Files.exists(temp.resolve("p.svg"))
                && Files.exists(temp.resolve("p.png")) && exported.values().stream().allMatch(Files::exists));
        assertTrue(Files.size(temp.resolve("p.png")) > 1000);
        assertTrue(Files.readString(temp.resolve("p.svg")).contains("<svg"));
        assertEquals(Set.of("perplexity.csv", "perplexity-table.csv"), exported.keySet());
        List<String> bins = Files.readAllLines(exported.get("perplexity.csv"));
        assertEquals("kind,perplexity_low,perplexity_high,count", bins.get(0));
        assertEquals(1 + 3 * 20, bins.size(), "20 bins per kind");
        List<String> table = Files.readAllLines(exported.get("perplexity-table.csv"));
        assertTrue(table.get(1).startsWith("answer-only,3,"), table.get(1));

        // Influence, a handful of samples on a few probes, one measured step per kind.
        robot.interact(() -> {
            view.select(1);
            view.influence().settings(2, 3, 1);
        });
        t0 = System.nanoTime();
        robot.clickOn("#influence-compute");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !view.influence().isComputing());
        System.out.printf("analysis view: influence of 3 kinds x 2 samples on 3 probes in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        assertFalse(text(robot, "#influence-message").startsWith("Not computed"), text(robot, "#influence-message"));
        List<org.tessera.engine.analysis.DataAnalyses.InfluenceRow> rows = robot.lookup("#influence-table")
                .<javafx.scene.control.TableView<org.tessera.engine.analysis.DataAnalyses.InfluenceRow>>query().getItems();
        assertEquals(List.of("answer-only", "rollouts", "rollouts-exact"),
                rows.stream().map(r -> r.summary().group()).toList());
        for (org.tessera.engine.analysis.DataAnalyses.InfluenceRow r : rows) {
            assertEquals(2, r.summary().n());
            assertEquals(3, r.summary().probes());
            assertEquals(1, r.summary().nActual());
            assertTrue(r.summary().meanEntkLowerBound() > 0 && Double.isFinite(r.summary().meanSigned()), r.toString());
            assertTrue(r.summary().positiveFraction() >= 0 && r.summary().positiveFraction() <= 1);
        }
        Set<String> influenceCells = cellTexts(robot, "#influence-table");
        assertTrue(influenceCells.containsAll(List.of("rollouts", Numbers.format(rows.get(0).summary().meanSigned()),
                Numbers.format(rows.get(1).summary().meanEntkLowerBound()))), influenceCells.toString());
        CategoryDataset influenceBars = view.influence().chart().getCategoryPlot().getDataset();
        assertEquals(3, influenceBars.getColumnCount());
        assertEquals(rows.get(2).summary().meanEntkLowerBound(), influenceBars.getValue(0, 2).doubleValue(), 0.0);

        // KL vs forgetting across both runs: one labelled point per run, a series per method.
        robot.interact(() -> view.select(2));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.kl().table().getItems().size() == 2);
        XYDataset scatter = view.kl().chart().getXYPlot().getDataset();
        assertEquals(2, scatter.getSeriesCount());
        assertEquals(List.of("grpo", "sft/answer-only"), List.of(scatter.getSeriesKey(0), scatter.getSeriesKey(1)));
        assertEquals(0.9, scatter.getXValue(1, 0), 1e-12);
        assertEquals(-0.2, scatter.getYValue(1, 0), 1e-12);
        assertEquals("sft", view.kl().chart().getXYPlot().getRenderer().getItemLabelGenerator(1, 0)
                .generateLabel(scatter, 1, 0));
        assertTrue(text(robot, "#kl-pearson").contains("at least 3"), text(robot, "#kl-pearson"));
        robot.interact(() -> view.kl().table().getItems().get(0).plotted.set(false));
        assertEquals(1, view.kl().chart().getXYPlot().getDataset().getSeriesCount(), "unchecked runs leave the plot");
    }

    @Test
    void influenceShowsProgressAndCanBeCancelled(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        AnalysisView view = open(robot, runs, new WorkerTaskExecutor(Platform::runLater, 1), null);
        robot.interact(() -> {
            view.data().setKind("teacher-reasoning", false);
            view.select(1);
            view.influence().settings(400, 1, 0); // long enough that Cancel lands mid-run on a loaded machine
        });
        robot.clickOn("#influence-compute");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> text(robot, "#influence-progress-message").startsWith("answer-only: "));
        robot.clickOn("#influence-cancel");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !view.influence().isComputing());
        assertEquals("Cancelled; nothing was changed.", text(robot, "#influence-message"));
        assertTrue(robot.lookup("#influence-table").<javafx.scene.control.TableView<?>>query().getItems().isEmpty());
        assertFalse(robot.lookup("#influence-compute").queryButton().isDisabled(), "ready for the next one");
    }

    @Test
    void badDataAndMissingRunsAreMessagesNotCrashes(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        String grpo = TestRuns.experiment("grpo", "grpo", 0.001);
        String good = rollouts(grpo, 2, 3);
        TestRuns.write(runs, "20260101-100000-malformed", grpo, RunState.FINISHED, 10,
                List.of(eval(0, 0.0, 0.8), "{damaged", eval(10, 0.1, 0.7)), List.of("{oops", good));
        RunFolder empty = TestRuns.write(runs, "20260101-110000-empty", grpo, RunState.FINISHED, 10,
                List.of(eval(0, 0.0, 0.8), eval(10, 0.1, 0.7)), List.of());
        Files.writeString(empty.rolloutsFile(), "");
        RunFolder gone = TestRuns.write(runs, "20260101-120000-gone", grpo, RunState.FINISHED, 10, List.of(),
                List.of(good));
        AnalysisView view = open(robot, runs, new CurrentThreadTaskExecutor(), null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.data().runs().size() == 3);

        String malformed = compute(robot, view, "malformed");
        assertTrue(malformed.startsWith("Not computed: ") && malformed.contains("rollouts.jsonl:1: not valid JSON"),
                malformed);
        String none = compute(robot, view, "empty");
        assertTrue(none.contains(empty.rolloutsFile() + ": no rollouts (the file is empty)"), none);
        deleteTree(gone.dir());
        String missing = compute(robot, view, "gone");
        assertTrue(missing.contains(gone.dir() + ": the run folder is missing"), missing);
        robot.interact(() -> robot.lookup("#analysis-model").queryAs(TextField.class).setText(
                temp.resolve("no-model").toString()));
        String noModel = compute(robot, view, null);
        assertTrue(noModel.startsWith("Not computed: ") && noModel.contains("no-model"), noModel);

        // The damaged metrics file leaves its run out of KL vs forgetting, with the reason; the others stay.
        robot.interact(() -> view.kl().refresh());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.kl().table().getItems().size() == 1);
        assertEquals("20260101-110000-empty", view.kl().table().getItems().get(0).run.run());
        assertTrue(text(robot, "#kl-message").contains("metrics.jsonl:2: not valid JSON"), text(robot, "#kl-message"));
    }

    /** Perplexity on the named run's data (null: procedural puzzles); the message it leaves. */
    private static String compute(FxRobot robot, AnalysisView view, String run) {
        robot.interact(() -> {
            view.data().selectRun(run == null ? null : view.data().runs().stream()
                    .filter(r -> r.name().endsWith(run)).findFirst().orElseThrow());
            view.perplexity().compute();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#perplexity-message").queryAs(Label.class);
        assertTrue(message.getStyleClass().contains("error-message"), message.getText());
        return message.getText();
    }

    private AnalysisView open(FxRobot robot, Path runs, TaskExecutor executor,
                              org.tessera.app.widgets.ExportFiles files) {
        this.executor = executor;
        workspace = TestRuns.workspace(runs, null);
        AnalysisView[] view = new AnalysisView[1];
        robot.interact(() -> {
            view[0] = new AnalysisView(workspace.feed(), runs, MODEL, AnalysisService.withEngineLoader(), executor,
                    files, (owner, start) -> Optional.empty());
            stage.setScene(new Scene(view[0], 1200, 800));
            stage.show();
        });
        return view[0];
    }

    /** The text of every non-empty cell of a table as shown. */
    private static Set<String> cellTexts(FxRobot robot, String table) {
        WaitForAsyncUtils.waitForFxEvents(); // a layout pulse fills the cells with the new rows
        return robot.from(robot.lookup(table).<Node>query()).lookup(".table-cell").<TableCell<?, ?>>queryAll()
                .stream().map(TableCell::getText).filter(t -> t != null && !t.isEmpty()).collect(Collectors.toSet());
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    static String eval(int step, double klTask, double knowledge) {
        return "{\"step\": " + step + ", \"event\": \"eval\", \"wall_s\": " + step + ", \"eval\": {\"jigsaw\": "
                + "{\"exact\": 0.1, \"hit\": 0.5, \"format\": 1.0, \"n\": 4}, \"knowledge\": {\"average\": "
                + "{\"accuracy\": " + knowledge + "}}, \"kl_knowledge\": 0.01, \"kl_task\": " + klTask + "}}";
    }

    /** One logged GRPO group of the run's task: the right answer (exact) and a wrong one. */
    static String rollouts(String experiment, long step, int index) throws Exception {
        Puzzle puzzle = new TaskSetup(ExperimentLoader.parse(experiment, Path.of("grpo"))).regenerate("train", 1, index);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("puzzle", Map.of("id", puzzle.id(), "seed", puzzle.seed(), "index", puzzle.index(), "split", "train",
                "grid", puzzle.grid().toString()));
        List<Map<String, Object>> samples = new ArrayList<>();
        samples.add(Map.of("text", AnswerFormat.tagged(puzzle.answer(), puzzle.grid()), "exact", true));
        samples.add(Map.of("text", "<answer>1 1 1 1</answer>", "exact", false));
        line.put("samples", samples);
        return JSON.writeValueAsString(line);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
