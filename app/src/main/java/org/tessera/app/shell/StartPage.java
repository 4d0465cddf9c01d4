package org.tessera.app.shell;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The first screen: where to begin. Four ways in (the lesson, the puzzle studio, a training run, another model), each
 * saying in one line what it is for, and the state of the loaded model, so a new user is never left with a model card
 * and no hint.
 */
final class StartPage extends VBox {
    private final Label model = new Label("Loading the model …");

    StartPage(Consumer<Section> show, Runnable openModel) {
        super(18);
        setId(Section.START.viewId());
        getStyleClass().add("start-page");
        Label title = new Label("Tessera: how a small vision-language model learns a new task, and what it forgets");
        title.getStyleClass().add("view-title");
        title.setWrapText(true);
        Label intro = new Label("The model here was pretrained on a small world of scenes (shapes, colours, text, "
                + "counts). The new task is jigsaw puzzles. Training on it with supervised fine-tuning (SFT) or with "
                + "reinforcement fine-tuning (GRPO) teaches the task at a different speed and at a different cost to "
                + "what the model knew. Start with the lesson if this is your first time.");
        intro.setWrapText(true);
        intro.getStyleClass().add("start-intro");
        model.setId("start-model");
        model.setWrapText(true);

        GridPane choices = new GridPane();
        choices.setHgap(16);
        choices.setVgap(16);
        choices.add(choice("start-lesson-choice", "Take the lesson: SFT vs RFT",
                "Two short training runs side by side, a plot of new skill against old knowledge, and a debrief "
                        + "that explains what happened. A few minutes on a laptop.",
                () -> show.accept(Section.TEACHING)), 0, 0);
        choices.add(choice("start-studio-choice", "Play with a puzzle",
                "The puzzle studio: solve a jigsaw by dragging tiles, ask the model to solve it, and see how "
                        + "every reward scores an answer.",
                () -> show.accept(Section.PUZZLE_STUDIO)), 1, 0);
        choices.add(choice("start-run-choice", "Launch a training run",
                "Pick a sample experiment, change any setting (checked as you type), launch it, and watch it in "
                        + "the dashboard and the rollouts view.",
                () -> show.accept(Section.RUNS)), 0, 1);
        choices.add(choice("start-model-choice", "Open a model…",
                "Load another checkpoint or a Hugging Face Qwen2.5-VL folder; the Model view shows its card, "
                        + "measures its knowledge and answers questions.",
                openModel), 1, 1);
        getChildren().addAll(title, intro, choices, model);
        setMaxWidth(1000);
        setAlignment(Pos.TOP_LEFT);
    }

    private static VBox choice(String id, String heading, String text, Runnable action) {
        Button button = new Button(heading);
        button.setId(id);
        button.getStyleClass().add("start-button");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setOnAction(e -> action.run());
        Label what = new Label(text);
        what.setWrapText(true);
        what.getStyleClass().add("field-label");
        VBox box = new VBox(8, button, what);
        box.getStyleClass().add("start-choice");
        box.setPrefWidth(420);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** What the window has loaded, in one line (or why it has not). */
    void showModel(String text) {
        model.setText(text);
    }
}
