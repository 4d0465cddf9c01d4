package org.tessera.app.model;

import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.FxImages;
import org.tessera.app.widgets.ImageFileChooser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;
import org.tessera.app.session.ModelService;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.world.Completions;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;

/**
 * The "ask" box: a picture (a held-out world scene for a seed, a loaded file, or none for a text-only question), a
 * question, and the model's greedy answer or N sampled ones. Model calls run on the task executor.
 */
final class AskPanel extends VBox {
    private static final double PICTURE_SIDE = 240;

    private final ModelService models;
    private final TaskExecutor executor;
    private final ImageFileChooser imageChooser;

    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final ImageView picture = new ImageView();
    private final Label pictureLabel = new Label("No image: the question is asked as text only.");
    private final TextField question = new TextField();
    /** Says which words of the question the model does not know, with questions it was trained on. */
    private final Label vocabulary = new Label();
    private final Spinner<Integer> maxTokens = new Spinner<>(1, 512, 64);
    private final Spinner<Integer> sampleCount = new Spinner<>(1, 64, 5);
    private final TextField temperature = new TextField("1.0");
    private final Button answer = new Button("Answer");
    private final Button sample = new Button("Sample N");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Label status = new Label();
    private final TextArea completion = new TextArea();
    private final Label parsed = new Label();
    private final ListView<String> samples = new ListView<>();

    private BufferedImage image;
    /** The scene's item while its question is unchanged, to show the reference answer; else null. */
    private KnowledgeItem sceneItem;

    AskPanel(ModelService models, TaskExecutor executor, ImageFileChooser imageChooser) {
        super(8);
        this.models = models;
        this.executor = executor;
        this.imageChooser = imageChooser;
        setId("ask-panel");
        Label title = new Label("Ask the model");
        title.getStyleClass().add("section-title");

        seed.setId("ask-seed");
        seed.setEditable(true);
        seed.setPrefWidth(110);
        Button newScene = new Button("New scene");
        newScene.setId("ask-new-scene");
        newScene.setOnAction(e -> newScene());
        Button loadImage = new Button("Load image…");
        loadImage.setId("ask-load-image");
        loadImage.setOnAction(e -> loadImage());
        Button noImage = new Button("No image");
        noImage.setId("ask-no-image");
        noImage.setOnAction(e -> showImage(null, "No image: the question is asked as text only."));
        FlowPane sceneRow = new FlowPane(10, 8, labelled("Seed", seed), newScene, loadImage, noImage);
        sceneRow.setAlignment(Pos.BOTTOM_LEFT);

        picture.setId("ask-picture");
        picture.setSmooth(false); // nearest neighbour: world scenes are 48 px, blur would hide what the model sees
        picture.setPreserveRatio(true);
        picture.setFitWidth(PICTURE_SIDE);
        picture.setFitHeight(PICTURE_SIDE);
        StackPane frame = new StackPane(picture);
        frame.setMinSize(PICTURE_SIDE, PICTURE_SIDE);
        frame.setMaxSize(PICTURE_SIDE, PICTURE_SIDE);
        frame.getStyleClass().add("ask-picture-frame");
        pictureLabel.setId("ask-picture-label");
        pictureLabel.setWrapText(true);
        pictureLabel.setMaxWidth(PICTURE_SIDE);

        question.setId("ask-question");
        question.setPromptText("Type a question");
        question.textProperty().addListener((obs, old, text) -> {
            if (sceneItem != null && !sceneItem.question().equals(text)) {
                sceneItem = null;
            }
        });
        question.setOnAction(e -> askGreedy());
        maxTokens.setId("ask-max-tokens");
        maxTokens.setEditable(true);
        maxTokens.setPrefWidth(80);
        sampleCount.setId("ask-sample-n");
        sampleCount.setEditable(true);
        sampleCount.setPrefWidth(80);
        temperature.setId("ask-temperature");
        temperature.setPrefColumnCount(5);
        answer.setId("ask-answer");
        answer.setOnAction(e -> askGreedy());
        sample.setId("ask-sample");
        sample.setOnAction(e -> askSampled());
        progress.setId("ask-progress");
        progress.setMaxSize(22, 22);
        progress.setVisible(false);
        FlowPane askRow = new FlowPane(10, 8, labelled("Max tokens", maxTokens), answer,
                labelled("N", sampleCount), labelled("Temperature", temperature), sample, progress);
        askRow.setAlignment(Pos.BOTTOM_LEFT);

        status.setId("ask-status");
        status.setWrapText(true);
        completion.setId("ask-completion");
        completion.setEditable(false);
        completion.setWrapText(true);
        completion.setPrefRowCount(3);
        parsed.setId("ask-parsed");
        parsed.setWrapText(true);
        samples.setId("ask-samples");
        samples.setPrefHeight(150);
        samples.setPlaceholder(new Label("\"Sample N\" lists N completions drawn at the temperature."));

        vocabulary.setId("ask-vocabulary");
        vocabulary.setWrapText(true);
        vocabulary.getStyleClass().add("hint-message");
        vocabulary.setVisible(false);
        vocabulary.setManaged(false);
        VBox answers = new VBox(6, labelled("Question", question), askRow, status, vocabulary,
                labelled("Completion (greedy)", completion), parsed, labelled("Samples", samples));
        HBox.setHgrow(answers, javafx.scene.layout.Priority.ALWAYS);
        HBox body = new HBox(16, new VBox(6, frame, pictureLabel), answers);
        getChildren().addAll(title, sceneRow, body);
    }

    /** A held-out world item for the seed: its picture and its question (the seed picks the family too). */
    private void newScene() {
        int s = seed.getValue();
        List<KnowledgeItem> withPictures = new ArrayList<>();
        for (Map.Entry<String, List<KnowledgeItem>> e : KnowledgeSuite.heldOutItems(1, s).entrySet()) {
            e.getValue().stream().filter(item -> item.image() != null).forEach(withPictures::add);
        }
        if (withPictures.isEmpty()) {
            status.setText("The world has no held-out scene with a picture.");
            return;
        }
        KnowledgeItem item = withPictures.get(Math.floorMod(s, withPictures.size()));
        showImage(item.image(), "Held-out " + item.family() + " scene " + item.id() + " (seed " + s + ")");
        question.setText(item.question());
        sceneItem = item;
        status.setText("Reference answer hidden until you ask.");
    }

    private void loadImage() {
        imageChooser.choose(getScene() == null ? null : getScene().getWindow()).ifPresent(this::readImage);
    }

    void readImage(Path file) {
        BufferedImage read;
        try {
            read = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            status.setText("Could not read " + file.getFileName() + ": " + ErrorMessages.describe(e));
            return;
        }
        if (read == null) {
            status.setText("Could not read " + file.getFileName() + ": not an image format Java can read "
                    + "(use PNG, JPEG, GIF or BMP).");
            return;
        }
        showImage(read, file.getFileName() + " (" + read.getWidth() + "×" + read.getHeight() + " px)");
        sceneItem = null;
        status.setText("");
    }

    private void showImage(BufferedImage shown, String caption) {
        image = shown;
        picture.setImage(shown == null ? null : FxImages.of(shown));
        pictureLabel.setText(caption);
        if (shown == null) {
            sceneItem = null;
        }
    }

    private Prompt prompt() {
        String text = question.getText() == null ? "" : question.getText();
        return image == null ? Prompt.text(text) : Prompt.of(image, text);
    }

    private void askGreedy() {
        if (question.getText() == null || question.getText().isBlank()) {
            status.setText("Type a question first.");
            return;
        }
        Prompt prompt = prompt();
        GenerationOptions options = GenerationOptions.greedy(maxTokens.getValue());
        KnowledgeItem item = sceneItem;
        run(prompt, options, "Answering …", generations -> {
            String text = generations.get(0).text();
            completion.setText(text);
            String answerText = Completions.parseAnswer(text);
            parsed.setText(answerText == null ? "No complete <answer>…</answer> pair in the completion."
                    : "Parsed answer: " + answerText
                    + (item == null ? "" : "   (reference: " + item.answer() + ", "
                    + (Completions.correct(item, text) ? "correct" : "wrong") + ")"));
            status.setText("Greedy answer, " + generations.get(0).tokens().length + " tokens.");
        });
    }

    private void askSampled() {
        if (question.getText() == null || question.getText().isBlank()) {
            status.setText("Type a question first.");
            return;
        }
        float t;
        try {
            t = Float.parseFloat(temperature.getText().trim());
        } catch (NumberFormatException e) {
            status.setText("Temperature must be a number, e.g. 1.0.");
            return;
        }
        if (!(t > 0) || Float.isInfinite(t)) {
            status.setText("Temperature must be above 0.");
            return;
        }
        int n = sampleCount.getValue();
        GenerationOptions options = GenerationOptions.sampling(maxTokens.getValue(), t, n,
                ThreadLocalRandom.current().nextLong());
        run(prompt(), options, "Sampling " + n + " completions …", generations -> {
            List<String> rows = new ArrayList<>();
            for (Generation g : generations) {
                String a = Completions.parseAnswer(g.text());
                rows.add((a == null ? "(no answer)" : a) + "   ⟵   " + g.text());
            }
            samples.getItems().setAll(rows);
            status.setText(String.format(Locale.ROOT, "%d completions at temperature %.2f.", generations.size(), t));
        });
    }

    /** The model's answers and the question's words it does not know. */
    private record Answered(List<Generation> generations, List<String> unknownWords, List<String> examples) {
    }

    private void run(Prompt prompt, GenerationOptions options, String running,
                     java.util.function.Consumer<List<Generation>> shown) {
        String asked = question.getText() == null ? "" : question.getText();
        BackgroundTask.wrap(() -> {
                    List<String> unknown = models.unknownWords(asked);
                    return new Answered(models.generate(prompt, options), unknown,
                            unknown.isEmpty() ? List.of() : exampleQuestions());
                })
                .onRunning(() -> {
                    busy(true);
                    status.setText(running);
                })
                .onSuccess(answered -> {
                    busy(false);
                    showVocabulary(answered);
                    shown.accept(answered.generations());
                })
                .onFailure(error -> {
                    busy(false);
                    status.setText("The model could not answer: " + ErrorMessages.describe(error));
                })
                .executeWith(executor);
    }

    private void showVocabulary(Answered answered) {
        boolean show = !answered.unknownWords().isEmpty();
        vocabulary.setVisible(show);
        vocabulary.setManaged(show);
        vocabulary.setText(!show ? "" : "The model does not know the word" + (answered.unknownWords().size() == 1
                ? " " : "s ") + String.join(", ", answered.unknownWords()) + ": it spells unknown words letter by "
                + "letter, so its answer is a guess. It only learned the words of its small world; try questions "
                + "like: " + String.join("  /  ", answered.examples()) + " (\"New scene\" fills one in).");
    }

    /** A few held-out questions of different families: the phrasing the model was trained on. */
    private static List<String> exampleQuestions() {
        List<String> out = new ArrayList<>();
        for (List<KnowledgeItem> items : KnowledgeSuite.heldOutItems(1, 7).values()) {
            if (!items.isEmpty() && out.size() < 3) {
                out.add(items.get(0).question());
            }
        }
        return out;
    }

    private void busy(boolean running) {
        answer.setDisable(running);
        sample.setDisable(running);
        progress.setVisible(running);
    }

    private static VBox labelled(String text, Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        return new VBox(2, label, control);
    }
}
