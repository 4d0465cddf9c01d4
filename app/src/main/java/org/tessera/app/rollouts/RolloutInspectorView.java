package org.tessera.app.rollouts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.tessera.app.session.RunFeed;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.FxImages;
import org.tessera.app.widgets.RewardTable;
import org.tessera.app.widgets.Tooltips;
import org.tessera.engine.runs.RunFolder;

/**
 * The rollout inspector: a GRPO run's logged groups as run -> step -> group -> sample, filtered by reward and by
 * zero-spread groups (all samples rewarded alike: zero advantage, no learning signal). A sample shows the puzzle as
 * the model saw it, its arrangement re-rendered with per-tile marks, its text, reward breakdown, advantage and
 * log-probabilities under the policy and the frozen base.
 */
public final class RolloutInspectorView extends HBox {
    static final String ALL = "All groups";
    static final String ZERO_ONLY = "Zero-spread groups only";
    static final String SPREAD_ONLY = "Groups with spread only";

    /** A tree entry: a step, a group or a sample. */
    record Entry(String label, RolloutLog.Group group, RolloutLog.Sample sample, long step) {
        Entry(String label, RolloutLog.Group group, RolloutLog.Sample sample) {
            this(label, group, sample, group == null ? -1 : group.step());
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskExecutor executor;
    private final ComboBox<RunFolder> runs = new ComboBox<>();
    private final ComboBox<String> spread = new ComboBox<>(FXCollections.observableArrayList(ALL, ZERO_ONLY, SPREAD_ONLY));
    private final TextField minReward = new TextField();
    private final TreeView<Entry> tree = new TreeView<>();
    private final Label status = new Label("Choose a GRPO run.");
    private final VBox detail = new VBox(8);
    private final TextField jumpStep = new TextField();
    private RolloutLog log;
    private Runnable afterLoad;

    public RolloutInspectorView(RunFeed feed, TaskExecutor executor) {
        super(12);
        this.executor = executor;
        setId("rollouts-view");
        runs.setId("rollout-run");
        runs.setPromptText("run");
        runs.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunFolder f) {
                return f == null ? "" : f.name();
            }

            @Override
            public RunFolder fromString(String s) {
                return null;
            }
        });
        runs.setOnAction(e -> load(runs.getValue()));
        spread.setId("spread-filter");
        spread.getSelectionModel().select(ALL);
        spread.setOnAction(e -> rebuild());
        minReward.setId("min-reward");
        minReward.setPromptText("min reward");
        minReward.setPrefColumnCount(6);
        minReward.setOnAction(e -> rebuild());
        Button reload = new Button("Reload");
        reload.setId("reload-rollouts");
        reload.setOnAction(e -> load(runs.getValue()));
        tree.setId("rollout-tree");
        tree.setShowRoot(false);
        tree.getSelectionModel().selectedItemProperty().addListener((obs, o, item) -> {
            if (item != null && item.getValue().sample() != null) {
                showSample(item.getValue().group(), item.getValue().sample());
            } else if (item != null && item.getValue().group() != null) {
                showGroup(item.getValue().group());
            }
        });
        jumpStep.setId("jump-step");
        jumpStep.setPromptText("step");
        jumpStep.setPrefColumnCount(5);
        jumpStep.setOnAction(e -> jumpToStep());
        Button jump = new Button("Go to step");
        jump.setId("jump-to-step");
        jump.setOnAction(e -> jumpToStep());
        status.setId("rollout-status");
        status.setWrapText(true);
        Label title = new Label("Rollouts");
        title.getStyleClass().add("view-title");
        VBox.setVgrow(tree, Priority.ALWAYS);
        Label hint = new Label("Select a group to see its samples side by side; a sample for its details.");
        hint.getStyleClass().add("field-label");
        hint.setWrapText(true);
        VBox left = new VBox(8, title, new FlowPane(8, 8, runs, reload), new FlowPane(8, 8, spread, minReward),
                new FlowPane(8, 8, jumpStep, jump), status, hint, tree);
        left.setPrefWidth(380);
        detail.setId("rollout-detail");
        ScrollPane right = new ScrollPane(detail);
        right.setFitToWidth(true);
        HBox.setHgrow(right, Priority.ALWAYS);
        getChildren().addAll(left, right);
        feed.subscribe(batch -> batch.states().keySet().forEach(run -> {
            if (runs.getItems().stream().noneMatch(r -> r.dir().equals(run.dir()))) {
                runs.getItems().add(0, run);
            }
        }));
    }

    /**
     * For the screenshot route: opens the newest run that logged rollouts and selects its first group whose rewards
     * differ (else its first group), then calls {@code done}; {@code done} also runs when there is nothing to show.
     */
    public void prepareScreenshot(Runnable done) {
        RunFolder newest = runs.getItems().stream().filter(r -> java.nio.file.Files.isRegularFile(r.rolloutsFile()))
                .max(java.util.Comparator.comparing(RunFolder::name)).orElse(null);
        if (newest == null) {
            done.run();
            return;
        }
        // Exactly one load, started here: relying on the combo box's action event for a programmatic selection
        // left the screenshot waiting forever when the event did not come.
        var onAction = runs.getOnAction();
        runs.setOnAction(null);
        runs.getSelectionModel().select(newest);
        runs.setOnAction(onAction);
        afterLoad = () -> {
            TreeItem<Entry> pick = null;
            for (TreeItem<Entry> step : tree.getRoot() == null ? List.<TreeItem<Entry>>of() : tree.getRoot().getChildren()) {
                for (TreeItem<Entry> group : step.getChildren()) {
                    if (pick == null || pick.getValue().group().zeroSpread() && !group.getValue().group().zeroSpread()) {
                        pick = group;
                    }
                }
            }
            if (pick != null) {
                tree.getSelectionModel().select(pick);
            }
            done.run();
        };
        load(newest);
    }

    /** Reads a run's rollouts off the UI thread and shows them. */
    public void load(RunFolder run) {
        if (run == null) {
            return;
        }
        BackgroundTask.wrap(() -> RolloutLog.read(run))
                .onRunning(() -> status.setText("Reading " + run.rolloutsFile() + " …"))
                .onSuccess(read -> {
                    log = read;
                    status.setText(read.groups().size() + " groups logged" + (read.skippedLines() == 0 ? "."
                            : "; " + read.skippedLines() + " damaged lines skipped."));
                    rebuild();
                    Runnable after = afterLoad;
                    afterLoad = null;
                    if (after != null) {
                        after.run();
                    }
                })
                .onFailure(error -> {
                    Runnable after = afterLoad;
                    afterLoad = null;
                    if (after != null) {
                        after.run();
                    }
                    log = null;
                    tree.setRoot(null);
                    status.setText("Cannot show rollouts of " + run.name() + ": " + ErrorMessages.describe(error));
                })
                .executeWith(executor);
    }

    private void rebuild() {
        if (log == null) {
            return;
        }
        double min;
        try {
            min = minReward.getText().isBlank() ? Double.NEGATIVE_INFINITY : Double.parseDouble(minReward.getText());
            minReward.getStyleClass().remove("field-invalid");
        } catch (NumberFormatException e) {
            minReward.getStyleClass().add("field-invalid");
            status.setText("Min reward must be a number, got \"" + minReward.getText() + "\".");
            return;
        }
        Map<Long, List<RolloutLog.Group>> bySteps = new TreeMap<>();
        for (RolloutLog.Group g : log.groups()) {
            boolean keep = switch (spread.getValue()) {
                case ZERO_ONLY -> g.zeroSpread();
                case SPREAD_ONLY -> !g.zeroSpread();
                default -> true;
            };
            if (keep) {
                bySteps.computeIfAbsent(g.step(), s -> new ArrayList<>()).add(g);
            }
        }
        TreeItem<Entry> root = new TreeItem<>(new Entry(log.run().name(), null, null));
        for (Map.Entry<Long, List<RolloutLog.Group>> step : bySteps.entrySet()) {
            TreeItem<Entry> stepItem = new TreeItem<>(new Entry("step " + step.getKey() + " (" + step.getValue().size()
                    + " groups)", null, null, step.getKey()));
            for (RolloutLog.Group g : step.getValue()) {
                TreeItem<Entry> groupItem = new TreeItem<>(new Entry(String.format(Locale.ROOT,
                        "%s  mean reward %.3f%s", g.puzzleId(), g.meanReward(), g.zeroSpread() ? "  zero spread" : ""),
                        g, null));
                for (RolloutLog.Sample s : g.samples()) {
                    if (s.reward().total() >= min) {
                        groupItem.getChildren().add(new TreeItem<>(new Entry(String.format(Locale.ROOT,
                                "#%d  \"%s\"  reward %.3f  adv %+.3f%s", s.number(),
                                GroupDetail.answerText(s.text()), s.reward().total(), s.advantage(),
                                s.exact() ? "  exact" : ""), g, s)));
                    }
                }
                if (!groupItem.getChildren().isEmpty()) {
                    stepItem.getChildren().add(groupItem);
                }
            }
            if (!stepItem.getChildren().isEmpty()) {
                root.getChildren().add(stepItem);
            }
        }
        root.setExpanded(true);
        root.getChildren().forEach(step -> {
            step.setExpanded(true);
            step.getChildren().forEach(g -> g.setExpanded(true));
        });
        tree.setRoot(root);
    }

    /** Selects the first logged step at or after the one typed (the last one when it is beyond them all). */
    private void jumpToStep() {
        TreeItem<Entry> root = tree.getRoot();
        if (root == null || root.getChildren().isEmpty()) {
            status.setText("No steps to go to: choose a GRPO run first.");
            return;
        }
        long wanted;
        try {
            wanted = Long.parseLong(jumpStep.getText().strip());
        } catch (NumberFormatException e) {
            status.setText("Step must be a whole number, got \"" + jumpStep.getText() + "\".");
            return;
        }
        TreeItem<Entry> target = root.getChildren().get(root.getChildren().size() - 1);
        for (TreeItem<Entry> step : root.getChildren()) {
            if (step.getValue().step() >= wanted) {
                target = step;
                break;
            }
        }
        TreeItem<Entry> firstGroup = target.getChildren().isEmpty() ? target : target.getChildren().get(0);
        tree.getSelectionModel().select(firstGroup);
        int row = tree.getRow(firstGroup);
        tree.scrollTo(Math.max(0, row - 1));
    }

    private void showGroup(RolloutLog.Group group) {
        RolloutLog current = log;
        BackgroundTask.wrap(() -> GroupDetail.of(current, group))
                .onSuccess(this::renderGroup)
                .onFailure(error -> detail.getChildren().setAll(errorLabel(ErrorMessages.describe(error))))
                .executeWith(executor);
    }

    private void renderGroup(GroupDetail d) {
        RolloutLog.Group g = d.group();
        Label heading = new Label(String.format(Locale.ROOT, "Step %d, puzzle %s (%s): %d samples, mean reward %.3f",
                g.step(), g.puzzleId(), g.split(), g.samples().size(), g.meanReward()));
        heading.getStyleClass().add("section-title");
        Label why = new Label(g.zeroSpread()
                ? "Every sample got the same reward, so every advantage is 0: this group teaches the model nothing."
                : "Rewards differ, so the advantages do: samples above the group's mean are made likelier, those "
                        + "below less likely. That is all GRPO learns from.");
        why.setWrapText(true);
        why.setId("group-why");
        Tooltip.install(why, Tooltips.of("advantage"));
        VBox seen = new VBox(4, caption("As the model saw it"), FxImages.pixelated(d.modelInput(), 150));
        HBox cards = new HBox(10);
        cards.setId("group-samples");
        for (GroupDetail.Card c : d.cards()) {
            cards.getChildren().add(card(d, c));
        }
        ScrollPane row = new ScrollPane(cards);
        row.setFitToHeight(true);
        row.setPrefViewportHeight(430);
        detail.getChildren().setAll(heading, why, seen, caption("The group's samples, side by side"), row);
    }

    private VBox card(GroupDetail d, GroupDetail.Card c) {
        RolloutLog.Sample s = c.sample();
        Label name = new Label("#" + s.number() + (s.exact() ? "  exact" : ""));
        name.getStyleClass().add("section-title");
        Label right = caption(c.correct() + " of " + d.puzzle().grid().cells() + " tiles right");
        Label text = new Label(s.text());
        text.setWrapText(true);
        text.setMaxWidth(150);
        text.setPrefHeight(60);
        text.setStyle("-fx-font-family: monospace; -fx-font-size: 11px;");
        text.setTooltip(new Tooltip(s.text()));
        VBox terms = new VBox(1);
        for (var t : s.reward().terms()) {
            Label term = new Label(String.format(Locale.ROOT, "%s %.2f x %.2f", t.name(), t.value(), t.weight()));
            term.getStyleClass().add("field-label");
            if (Tooltips.has(t.name())) {
                term.setTooltip(Tooltips.of(t.name()));
            }
            terms.getChildren().add(term);
        }
        Label total = new Label(String.format(Locale.ROOT, "reward %.3f", s.reward().total()));
        Label advantage = new Label(String.format(Locale.ROOT, "advantage %+.3f", s.advantage()));
        advantage.getStyleClass().add(s.advantage() > 1e-9 ? "advantage-up" : s.advantage() < -1e-9
                ? "advantage-down" : "advantage-zero");
        advantage.setTooltip(Tooltips.of("advantage"));
        Label parse = caption("parse: " + s.parse());
        parse.setTooltip(Tooltips.of("parse"));
        VBox card = new VBox(4, name, FxImages.pixelated(c.arrangement(), 150), right, text, parse, terms, total,
                advantage);
        card.getStyleClass().add("sample-card");
        card.setPrefWidth(162);
        card.setMinWidth(162);
        return card;
    }

    private void showSample(RolloutLog.Group group, RolloutLog.Sample sample) {
        RolloutLog current = log;
        BackgroundTask.wrap(() -> SampleDetail.of(current, group, sample))
                .onSuccess(this::render)
                .onFailure(error -> detail.getChildren().setAll(errorLabel(ErrorMessages.describe(error))))
                .executeWith(executor);
    }

    private void render(SampleDetail d) {
        RolloutLog.Sample s = d.sample();
        Label heading = new Label("Step " + d.group().step() + ", puzzle " + d.group().puzzleId() + " ("
                + d.group().split() + "), sample " + s.number());
        heading.getStyleClass().add("section-title");
        VBox seen = new VBox(4, caption("As the model saw it"), FxImages.pixelated(d.modelInput(), 220));
        VBox arranged = new VBox(4, caption("Its arrangement (" + d.correct() + " of " + d.puzzle().grid().cells()
                + " tiles right)"), FxImages.pixelated(d.arrangement(), 220));
        arranged.setId("rollout-arrangement");
        TextArea text = new TextArea(s.text());
        text.setId("rollout-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(3);
        Label facts = new Label(String.format(Locale.ROOT,
                "parse: %s   exact: %s   advantage: %+.4f   tokens: %d%nlog p policy: %.3f   log p base: %.3f",
                s.parse(), s.exact() ? "yes" : "no", s.advantage(), s.tokens(), s.logprobPolicy(), s.logprobBase()));
        facts.setId("rollout-facts");
        facts.setTooltip(Tooltips.of("parse"));
        RewardTable reward = new RewardTable();
        reward.setId("rollout-reward");
        reward.show(List.of(s.reward()));
        reward.setPrefHeight(24 * 2 + 30);
        detail.getChildren().setAll(heading, new HBox(16, seen, arranged), caption("Text"), text, facts,
                caption("Reward (the run's reward function)"), reward);
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label errorLabel(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("error-message");
        l.setWrapText(true);
        return l;
    }
}
