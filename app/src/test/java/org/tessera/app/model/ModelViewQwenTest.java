package org.tessera.app.model;

import org.tessera.app.shell.WorkbenchWindow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tessera.app.session.EngineModelService;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a Hugging Face Qwen2.5-VL folder in the workbench shows its card, and the Model view can ask it. */
@ExtendWith(ApplicationExtension.class)
class ModelViewQwenTest {
    /** The engine's test fixture: a tiny random-weight Qwen2.5-VL in the hub's layout (surefire runs in app/). */
    private static final Path FIXTURE = Path.of("..", "engine", "src", "test", "resources", "hf", "qwen2_5_vl-tiny")
            .toAbsolutePath().normalize();

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
    void showsTheCardAndAnswersAQuestion(FxRobot robot) {
        robot.interact(() -> {
            WorkbenchWindow window = new WorkbenchWindow(models, new CurrentThreadTaskExecutor(),
                    (owner, start) -> Optional.empty());
            stage.setScene(new Scene(window, 1200, 780));
            stage.show();
            window.loadModel(FIXTURE);
            window.show(org.tessera.app.shell.Section.MODEL);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("qwen2_5_vl-tiny", robot.lookup("#model-name").queryAs(Label.class).getText());
        assertEquals("Qwen2_5_VLForConditionalGeneration",
                robot.lookup("#model-architecture").queryAs(Label.class).getText());
        TableView<Map.Entry<String, Object>> config = robot.lookup("#model-config").query();
        assertTrue(config.getItems().stream().anyMatch(e -> e.getKey().equals("vision_parameters")),
                "the card lists vision and text parameters");
        assertTrue(config.getItems().stream().anyMatch(e -> e.getKey().equals("dtype_on_disk")
                && "F32".equals(String.valueOf(e.getValue()))));

        press(robot, "#ask-new-scene");
        press(robot, "#ask-answer");
        String parsed = robot.lookup("#ask-parsed").queryAs(Label.class).getText();
        assertFalse(parsed.isBlank(), "the model answered and its answer (or why there is none) is shown");
    }

    /** Fires the button through its own API (the Model view scrolls; the ask test covers mouse clicks). */
    private static void press(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        robot.interact(() -> ((javafx.scene.control.ButtonBase) node).fire());
        WaitForAsyncUtils.waitForFxEvents();
    }
}
