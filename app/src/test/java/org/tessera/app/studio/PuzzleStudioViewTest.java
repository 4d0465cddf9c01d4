package org.tessera.app.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tessera.app.session.FakeModelService;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.engine.jigsaw.AnswerFormat;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleGenerator;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.RewardBreakdown;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio on a synchronous executor and a scripted model: real mouse drags on the headless robot. */
@ExtendWith(ApplicationExtension.class)
class PuzzleStudioViewTest {
    private Stage stage;
    private PuzzleStudioView view;
    private final FakeModelService models = FakeModelService.returning(null);

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void solvesAThreeByThreePuzzleByDraggingTiles(FxRobot robot) {
        open(robot);
        Puzzle puzzle = view.currentPuzzle().puzzle();
        assertEquals(new Grid(3, 3), puzzle.grid());
        // The studio's puzzle is the engine's puzzle 0 of seed 1: regenerable from its settings.
        Puzzle expected = new PuzzleGenerator(PuzzleSpec.procedural(new Grid(3, 3))).puzzle(1, 0);
        assertEquals(expected.permutation(), puzzle.permutation());
        assertFalse(label(robot, "#solve-status").contains("Solved"), "a fresh puzzle is shuffled");

        int drags = 0;
        for (int target = 0; target < 9; target++) {
            int from = positionHoldingTileFor(robot, puzzle, target);
            if (from != target) {
                Node source = robot.lookup("#tile-" + from).query();
                Node destination = robot.lookup("#tile-" + target).query();
                robot.drag(source, MouseButton.PRIMARY).dropTo(destination);
                WaitForAsyncUtils.waitForFxEvents();
                drags++;
                assertEquals(target, puzzle.permutation().trueOf(shownTileAt(robot, target)),
                        "the dragged tile landed at position " + (target + 1));
            }
        }
        assertTrue(drags > 0);
        assertEquals("Solved!", label(robot, "#solve-status"));
    }

    @Test
    void asksTheModelAndShowsParsedAnswerReassemblyAndRewards(FxRobot robot) {
        open(robot);
        Puzzle puzzle = view.currentPuzzle().puzzle();
        int[] wrong = puzzle.answer().clone();
        int t = wrong[0];
        wrong[0] = wrong[1];
        wrong[1] = t;
        models.completions = (prompt, options) -> List.of(AnswerFormat.tagged(wrong, puzzle.grid()));

        robot.clickOn("#ask-model");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, models.prompts.size());
        assertEquals(1, models.prompts.get(0).images().size(), "a composite puzzle is one image");
        assertEquals(AnswerFormat.tagged(wrong, puzzle.grid()),
                robot.lookup("#attempt-text").queryAs(TextArea.class).getText());
        assertTrue(label(robot, "#attempt-parsed").startsWith("Parsed answer: "), label(robot, "#attempt-parsed"));
        assertTrue(label(robot, "#attempt-placed").startsWith("7 of 9 tiles"), label(robot, "#attempt-placed"));
        @SuppressWarnings("unchecked")
        TableView<RewardBreakdown> rewards = robot.lookup("#attempt-rewards").queryAs(TableView.class);
        assertEquals(List.of("paper", "jigsaw-r1", "visual-jigsaw", "graded"),
                rewards.getItems().stream().map(RewardBreakdown::reward).toList());
        // paper: hit 7/9 + accuracy 0 + format 1
        assertEquals(1 + 7 / 9.0, rewards.getItems().get(0).total(), 1e-9);
    }

    @Test
    void samplesNCompletionsAndSummarisesTheirSpread(FxRobot robot) {
        open(robot);
        Puzzle puzzle = view.currentPuzzle().puzzle();
        String right = AnswerFormat.tagged(puzzle.answer(), puzzle.grid());
        models.completions = (prompt, options) -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < options.samplesPerPrompt(); i++) {
                out.add(i % 2 == 0 ? right : "no idea");
            }
            return out;
        };

        robot.clickOn("#sample-model");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(8, robot.lookup("#sample-table").queryAs(TableView.class).getItems().size());
        String summary = label(robot, "#sample-summary");
        assertTrue(summary.startsWith("8 samples: 4 exact, 4 valid answers, 2 distinct."), summary);
    }

    @Test
    void withoutAModelTheStudioSaysSoAndKeepsWorking(FxRobot robot) {
        open(robot);
        robot.clickOn("#ask-model");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(label(robot, "#model-status").contains("no model is loaded"), label(robot, "#model-status"));
        assertFalse(robot.lookup("#ask-model").query().isDisabled());

        String before = view.currentPuzzle().puzzle().id();
        robot.interact(() -> robot.lookup("#puzzle-seed").queryAs(javafx.scene.control.TextField.class).setText("5"));
        robot.clickOn("#generate-puzzle");
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(before, view.currentPuzzle().puzzle().id());
    }

    private void open(FxRobot robot) {
        FakeModelService unused = models;
        robot.interact(() -> {
            view = new PuzzleStudioView(unused, new CurrentThreadTaskExecutor(), (owner, start) -> Optional.empty());
            stage.setScene(new Scene(view, 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int shownTileAt(FxRobot robot, int position) {
        return (Integer) robot.lookup("#tile-" + position).query().getUserData();
    }

    private static int positionHoldingTileFor(FxRobot robot, Puzzle puzzle, int target) {
        for (int p = 0; p < puzzle.grid().cells(); p++) {
            if (puzzle.permutation().trueOf(shownTileAt(robot, p)) == target) {
                return p;
            }
        }
        throw new AssertionError("no tile belongs at " + target);
    }

    private static String label(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }
}
