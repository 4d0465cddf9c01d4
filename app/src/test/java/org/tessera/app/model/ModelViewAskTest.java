package org.tessera.app.model;

import org.tessera.app.shell.WorkbenchWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.session.EngineModelService;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.world.Families;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Model view with the real shipped model on a synchronous executor: a held-out scene is asked greedily and
 * sampled, and the retained-knowledge suite fills its table. Scores are not asserted (they depend on the weights).
 */
@ExtendWith(ApplicationExtension.class)
class ModelViewAskTest {
    /** Surefire runs in app/; the shipped model sits at the repository root. */
    private static final Path SHIPPED = Path.of("..").resolve(ModelLoader.DEFAULT_MODEL).toAbsolutePath().normalize();

    @TempDir
    Path temp;

    private Stage stage;
    private final EngineModelService models = EngineModelService.withEngineLoader();

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void closeModel() {
        models.close();
    }

    @Test
    void asksAHeldOutSceneSamplesAndMeasuresRetainedKnowledge(FxRobot robot) throws Exception {
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(models, new CurrentThreadTaskExecutor(),
                    (owner, start) -> Optional.empty());
            stage.setScene(new Scene(window, 1200, 780));
            stage.show();
            window.loadModel(SHIPPED);
            window.show(org.tessera.app.shell.Section.MODEL);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("tessera-tiny", robot.lookup("#model-name").queryAs(Label.class).getText());

        click(robot, "#ask-new-scene");
        assertNotNull(robot.lookup("#ask-picture").queryAs(ImageView.class).getImage(), "the scene is shown");
        assertFalse(robot.lookup("#ask-question").queryAs(TextField.class).getText().isBlank(),
                "the scene's question is filled in");

        click(robot, "#ask-answer");
        String completion = robot.lookup("#ask-completion").queryAs(TextArea.class).getText();
        assertTrue(completion.contains("<answer>"), completion);
        String parsed = robot.lookup("#ask-parsed").queryAs(Label.class).getText();
        assertFalse(parsed.isBlank(), "the parsed answer (or why there is none) is shown");
        assertFalse(robot.lookup("#ask-vocabulary").query().isVisible(), "the world's own question: every word known");

        // Everyday English: the words the tiny model never learned are named, with questions it knows.
        robot.interact(() -> robot.lookup("#ask-question").queryAs(TextField.class)
                .setText("Hello, could you please describe this lovely picture?"));
        click(robot, "#ask-answer");
        String note = robot.lookup("#ask-vocabulary").queryAs(Label.class).getText();
        assertTrue(robot.lookup("#ask-vocabulary").query().isVisible());
        assertTrue(note.startsWith("The model does not know the words Hello, could") && note.contains("lovely")
                && note.contains("try questions like: "), note);

        click(robot, "#ask-sample");
        List<String> samples = robot.lookup("#ask-samples").<ListView<String>>query().getItems();
        assertEquals(5, samples.size(), samples.toString());

        Spinner<Integer> n = robot.lookup("#knowledge-n").query();
        robot.interact(() -> n.getValueFactory().setValue(2));
        click(robot, "#measure-knowledge");
        TableView<KnowledgeScoresPanel.Row> table = robot.lookup("#knowledge-table").query();
        List<String> families = table.getItems().stream().map(KnowledgeScoresPanel.Row::family).toList();
        assertEquals(Families.names().size() + 1, families.size(), families.toString());
        assertEquals(6, Families.names().size());
        assertTrue(families.containsAll(Families.names()), families.toString());
        assertEquals("average", families.get(families.size() - 1));
        assertTrue(table.getItems().stream().filter(r -> r.n() != null).allMatch(r -> r.n() == 2));
        String status = robot.lookup("#knowledge-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("tessera-tiny: 2 items per family"), status);

        // An unreadable file is a message, not a crash, and keeps the picture.
        Path notAnImage = Files.writeString(temp.resolve("notes.png"), "not a picture");
        AskPanel ask = robot.lookup("#ask-panel").queryAs(AskPanel.class);
        robot.interact(() -> ask.readImage(notAnImage));
        String message = robot.lookup("#ask-status").queryAs(Label.class).getText();
        assertTrue(message.startsWith("Could not read notes.png"), message);
        assertNotNull(robot.lookup("#ask-picture").queryAs(ImageView.class).getImage());
    }

    @Test
    void measuresRetainedKnowledgeOnABenchmarkFolderOneRowPerBenchmark(FxRobot robot) {
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(models, new CurrentThreadTaskExecutor(),
                    (owner, start) -> Optional.empty());
            stage.setScene(new Scene(window, 1200, 780));
            stage.show();
            window.loadModel(SHIPPED);
            window.show(org.tessera.app.shell.Section.MODEL);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ComboBox<String> suite = robot.lookup("#knowledge-suite").query();
        TextField folder = robot.lookup("#knowledge-benchmarks").query();
        assertTrue(folder.isDisabled(), "the folder is for the benchmark suite only");
        robot.interact(() -> suite.setValue(KnowledgeScoresPanel.BENCHMARKS));
        assertFalse(folder.isDisabled());
        click(robot, "#measure-knowledge");
        String empty = robot.lookup("#knowledge-status").queryAs(Label.class).getText();
        assertTrue(empty.startsWith("Name a folder"), empty);

        Path demo = Path.of("..", "assets", "benchmarks-demo").toAbsolutePath().normalize();
        Spinner<Integer> n = robot.lookup("#knowledge-n").query();
        robot.interact(() -> {
            folder.setText(demo.toString());
            n.getValueFactory().setValue(2);
        });
        click(robot, "#measure-knowledge");
        TableView<KnowledgeScoresPanel.Row> table = robot.lookup("#knowledge-table").query();
        assertEquals(List.of("DocVQA-demo", "MMStar-demo", "POPE-demo", "RefCOCO-demo", "average"),
                table.getItems().stream().map(KnowledgeScoresPanel.Row::family).toList());
        KnowledgeScoresPanel.Row refcoco = table.getItems().get(3);
        assertEquals("–", KnowledgeScoresPanel.percent(refcoco.choice()), "grounding has no options to rank");
        assertEquals(2, refcoco.n());
        String status = robot.lookup("#knowledge-status").queryAs(Label.class).getText();
        assertTrue(status.startsWith("tessera-tiny: 2 rows per benchmark"), status);

        robot.interact(() -> folder.setText(demo.resolve("nowhere").toString()));
        click(robot, "#measure-knowledge");
        String missing = robot.lookup("#knowledge-status").queryAs(Label.class).getText();
        assertTrue(missing.startsWith("Could not measure") && missing.contains("does not exist"), missing);
    }

    /** Scrolls the Model view so the node is on screen, then clicks it with the robot. */
    private static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        ScrollPane scroll = robot.lookup("#model-scroll").queryAs(ScrollPane.class);
        robot.interact(() -> {
            Node content = scroll.getContent();
            Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double hidden = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            if (hidden > 0) {
                double target = inContent.getMinY() - scroll.getViewportBounds().getHeight() / 3;
                scroll.setVvalue(Math.max(0, Math.min(1, target / hidden)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
