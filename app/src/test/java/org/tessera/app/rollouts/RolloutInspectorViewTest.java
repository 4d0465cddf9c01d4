package org.tessera.app.rollouts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.runs.TestRuns;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.AnswerFormat;
import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.Rewards;
import org.tessera.engine.task.TaskSetup;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A rollouts.jsonl written in the engine's format in a temporary run folder, opened in the inspector. */
@ExtendWith(ApplicationExtension.class)
class RolloutInspectorViewTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    @Test
    void opensARolloutAndShowsItsPuzzleArrangementTextAndReward(FxRobot robot) throws Exception {
        String experiment = TestRuns.experiment("grpo", "grpo", 0.001);
        Puzzle puzzle = new TaskSetup(ExperimentLoader.parse(experiment, Path.of("grpo"))).regenerate("train", 1, 3);
        String right = AnswerFormat.tagged(puzzle.answer(), puzzle.grid());
        String line1 = group(2, puzzle, List.of(right, "<answer>1 1 1 1</answer>"), false);
        String line2 = group(4, puzzle, List.of("nothing", "nothing"), true);
        Path runs = Files.createDirectories(temp.resolve("runs"));
        RunFolder run = TestRuns.write(runs, "20260101-100000-grpo", experiment, RunState.FINISHED, 20, List.of(),
                List.of(line1, "{damaged", line2));
        workspace = TestRuns.workspace(runs, null);
        RolloutInspectorView[] view = new RolloutInspectorView[1];
        robot.interact(() -> {
            view[0] = new RolloutInspectorView(workspace.feed(), new CurrentThreadTaskExecutor());
            stage.setScene(new Scene(view[0], 1200, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !robot.lookup("#rollout-run").queryComboBox().getItems().isEmpty());
        robot.interact(() -> robot.lookup("#rollout-run").queryComboBox().getSelectionModel().select(0));

        assertEquals("2 groups logged; 1 damaged lines skipped.", label(robot, "#rollout-status"));
        @SuppressWarnings("unchecked")
        TreeView<RolloutInspectorView.Entry> tree = robot.lookup("#rollout-tree").queryAs(TreeView.class);
        assertEquals(2, tree.getRoot().getChildren().size(), "two steps");
        TreeItem<RolloutInspectorView.Entry> first = tree.getRoot().getChildren().get(0).getChildren().get(0)
                .getChildren().get(0);
        robot.interact(() -> tree.getSelectionModel().select(first));

        assertEquals(right, robot.lookup("#rollout-text").queryAs(TextArea.class).getText());
        assertTrue(robot.lookup("#rollout-arrangement").tryQuery().isPresent());
        assertTrue(robot.from(robot.lookup("#rollout-arrangement").queryParent())
                .lookup("Its arrangement (4 of 4 tiles right)").tryQuery().isPresent());
        assertEquals(3.0, robot.lookup("#rollout-reward").queryAs(TableView.class).getItems().stream()
                .mapToDouble(b -> ((org.tessera.engine.jigsaw.RewardBreakdown) b).total()).sum(), 1e-9);
        assertTrue(label(robot, "#rollout-facts").contains("log p base: -4.500"), label(robot, "#rollout-facts"));

        // Sample rows carry the answer the sample gave.
        String answerText = right.replace("<answer>", "").replace("</answer>", "").strip().replaceAll("\\s+", " ");
        assertTrue(first.getValue().label().contains("\"" + answerText + "\""), first.getValue().label());

        // The group view: every sample of the group side by side, each with its arrangement, text, reward terms
        // and advantage.
        TreeItem<RolloutInspectorView.Entry> groupItem = first.getParent();
        robot.interact(() -> tree.getSelectionModel().select(groupItem));
        javafx.scene.layout.HBox cards = robot.lookup("#group-samples").queryAs(javafx.scene.layout.HBox.class);
        assertEquals(2, cards.getChildren().size(), "both samples of the group");
        String card1 = texts(cards.getChildren().get(0));
        String card2 = texts(cards.getChildren().get(1));
        assertTrue(card1.contains(right) && card1.contains("4 of 4 tiles right") && card1.contains("hit 1.00")
                && card1.contains("advantage +0.500") && card1.contains("reward 3.000"), card1);
        assertTrue(card2.contains("<answer>1 1 1 1</answer>") && card2.contains("parse: REPEATED_INDEX"), card2);
        assertTrue(label(robot, "#group-why").startsWith("Rewards differ"), label(robot, "#group-why"));

        // Jump to a step: the first group of step 4 (the first logged step at or after 3).
        robot.interact(() -> {
            robot.lookup("#jump-step").queryAs(javafx.scene.control.TextField.class).setText("3");
            robot.lookup("#jump-to-step").queryButton().fire();
        });
        assertEquals(4, tree.getSelectionModel().getSelectedItem().getValue().group().step());
        assertTrue(label(robot, "#group-why").startsWith("Every sample got the same reward"));

        // Filters: zero-spread groups only, then a reward floor that hides the zero-reward sample.
        robot.interact(() -> robot.lookup("#spread-filter").queryComboBox().getSelectionModel()
                .select(RolloutInspectorView.ZERO_ONLY));
        assertEquals(1, tree.getRoot().getChildren().size());
        robot.interact(() -> {
            robot.lookup("#spread-filter").queryComboBox().getSelectionModel().select(RolloutInspectorView.ALL);
            robot.lookup("#min-reward").queryAs(javafx.scene.control.TextField.class).setText("2");
            robot.lookup("#min-reward").queryAs(javafx.scene.control.TextField.class).fireEvent(
                    new javafx.event.ActionEvent());
        });
        assertEquals(1, tree.getRoot().getChildren().size(), "only step 2 has a sample rewarded >= 2");
        assertEquals(1, tree.getRoot().getChildren().get(0).getChildren().get(0).getChildren().size());
    }

    /** One group line as the engine's RolloutRecord writes it. */
    private static String group(long step, Puzzle puzzle, List<String> texts, boolean zeroSpread) throws Exception {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("puzzle", Map.of("id", puzzle.id(), "seed", puzzle.seed(), "index", puzzle.index(), "split", "train",
                "grid", puzzle.grid().toString()));
        line.put("zero_spread", zeroSpread);
        List<Map<String, Object>> samples = new java.util.ArrayList<>();
        for (String text : texts) {
            var parsed = AnswerParser.parse(text, puzzle.grid(), PromptTemplate.ANSWER);
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("text", text);
            s.put("answer", parsed.ok() ? parsed.answer() : null);
            s.put("parse", parsed.failure().toString());
            s.put("reward", Rewards.paper().score(parsed, puzzle.answer()));
            s.put("advantage", 0.5);
            s.put("exact", parsed.exact(puzzle.answer()));
            s.put("logprob_policy", -3.25);
            s.put("logprob_base", -4.5);
            s.put("tokens", 9);
            samples.add(s);
        }
        line.put("samples", samples);
        return JSON.writeValueAsString(line);
    }

    /** Every label's text inside a node, one per line. */
    private static String texts(javafx.scene.Node node) {
        StringBuilder b = new StringBuilder();
        if (node instanceof Label l) {
            b.append(l.getText()).append('\n');
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> b.append(texts(c)));
        }
        return b.toString();
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
