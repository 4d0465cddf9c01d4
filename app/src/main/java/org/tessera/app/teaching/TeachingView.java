package org.tessera.app.teaching;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.tessera.app.charts.ChartRedraws;
import org.tessera.app.charts.DashboardChart;
import org.tessera.app.session.RunMetrics;
import org.tessera.app.session.RunFeed;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.task.BackgroundTask;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.ErrorMessages;
import org.tessera.app.widgets.Tooltips;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.RunInfo;

/**
 * Teaching mode: the "SFT vs RFT" lesson. One button starts two runs through the run manager (the same path as the
 * runs view's Launch): answer-only SFT and GRPO on the same puzzles with the same seed
 * ({@code sample-configs/lesson-sft.json}, {@code lesson-grpo.json}). The view shows both runs' live status side by
 * side in big type, the trade-off plot (jigsaw exact on x, retained knowledge on y, one trajectory per run) filling
 * in as evaluations arrive, and a caption saying what to look for.
 *
 * <p>Lesson runs are recognised by their experiment name, so the view reattaches to lesson runs already in the runs
 * folder (an earlier session, or {@code tessera run sample-configs/lesson-sft.json}): for each of the two it shows
 * the newest. Points come from the {@link RunFeed} (read and parsed off the UI thread) through the dashboard's
 * {@link RunMetrics}; the plot is redrawn coalesced by {@link ChartRedraws}.
 */
public final class TeachingView extends VBox {
    /** The knowledge score on the plot's y axis (docs/knowledge-suite.md): generated answers right. */
    static final String KNOWLEDGE_METRIC = "accuracy";

    static final String CAPTION = "Same model, same 2x2 puzzles. SFT is shown the right answers; GRPO, a kind of "
            + "reinforcement fine-tuning (RFT), only gets rewards for its own attempts. Each dot is one test: further "
            + "right = more puzzles solved, higher = more of the old knowledge still right. Both lines start at the "
            + "same dot, the untrained model. Which line moves right, and which one falls on the way?";

    /** The lesson's two runs. */
    public enum Role {
        SFT("lesson-sft", "Answer-only SFT", "learns from the right answers", new Color(0x1a73e8)),
        GRPO("lesson-grpo", "GRPO (RFT)", "learns from rewards for its own attempts", new Color(0xe8710a));

        private final String experimentName;
        private final String title;
        private final String method;
        private final Color colour;

        Role(String experimentName, String title, String method, Color colour) {
            this.experimentName = experimentName;
            this.title = title;
            this.method = method;
            this.colour = colour;
        }

        /** The experiment's name, and its file's name (without .json) in sample-configs/. */
        public String experimentName() {
            return experimentName;
        }

        public String title() {
            return title;
        }

        public Path file(Path samplesDir) {
            return samplesDir.resolve(experimentName + ".json");
        }

        String id() {
            return experimentName;
        }

        String webColour() {
            return String.format(Locale.ROOT, "#%06x", colour.getRGB() & 0xFFFFFF);
        }

        static Role of(RunInfo info) {
            for (Role r : values()) {
                if (r.experimentName.equals(info.name())) {
                    return r;
                }
            }
            return null;
        }
    }

    private final RunsWorkspace workspace;
    private final TaskExecutor executor;
    private final Button start = new Button("Start the lesson");
    private final Label status = new Label();
    private final Map<Role, RunCard> cards = new EnumMap<>(Role.class);
    // UI thread only.
    private final Map<Role, RunFolder> current = new EnumMap<>(Role.class);
    private final Map<Role, RunInfo> infos = new EnumMap<>(Role.class);
    private final Map<Role, RunMetrics> metrics = new EnumMap<>(Role.class);
    private final DashboardChart tradeoff;
    private final ChartRedraws redraws = new ChartRedraws();
    private final String missingFiles;
    private final VBox debrief = new VBox(8);
    private final javafx.scene.control.ScrollPane debriefScroll = new javafx.scene.control.ScrollPane(debrief);
    private boolean starting;

    public TeachingView(RunsWorkspace workspace, TaskExecutor executor) {
        super(14);
        this.workspace = workspace;
        this.executor = executor;
        setId("teaching-view");
        getStyleClass().add("teaching");

        Label title = new Label("Lesson: SFT vs RFT");
        title.getStyleClass().add("lesson-title");
        start.setId("start-lesson");
        start.getStyleClass().add("lesson-button");
        start.setOnAction(e -> startLesson());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(16, title, gap, start);
        header.setAlignment(Pos.CENTER_LEFT);

        Label caption = new Label(CAPTION);
        caption.setId("lesson-caption");
        caption.getStyleClass().add("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("lesson-status");
        status.getStyleClass().add("lesson-status");
        status.setWrapText(true);

        HBox side = new HBox(14);
        for (Role r : Role.values()) {
            RunCard card = new RunCard(r);
            cards.put(r, card);
            HBox.setHgrow(card, Priority.ALWAYS);
            side.getChildren().add(card);
        }

        tradeoff = createPlot();
        ChartViewer viewer = new ChartViewer(tradeoff.chart());
        viewer.setId("lesson-tradeoff");
        viewer.setMinHeight(220);
        redraws.track(viewer);
        debrief.setId("lesson-debrief");
        debrief.getStyleClass().add("lesson-debrief");
        debriefScroll.setFitToWidth(true);
        debriefScroll.setPrefWidth(520);
        debriefScroll.setMinWidth(360);
        debriefScroll.setVisible(false);
        debriefScroll.setManaged(false);
        HBox.setHgrow(viewer, Priority.ALWAYS);
        HBox plotAndDebrief = new HBox(14, viewer, debriefScroll);
        VBox.setVgrow(plotAndDebrief, Priority.ALWAYS);

        getChildren().addAll(header, caption, side, plotAndDebrief, status);

        missingFiles = missingFiles(workspace.samplesDir());
        if (missingFiles != null) {
            status.setText(missingFiles);
        }
        updateStart();
        workspace.feed().subscribe(this::accept);
    }

    /**
     * The dashboard's trade-off chart in big type, with one fixed line per role (both in the legend from the start),
     * percent axes from 0: knowledge 0-100 %, puzzles 0 to a round bound above the best score so far
     * ({@link #fitPuzzleAxis}), so the picture does not jump with every point.
     */
    private static DashboardChart createPlot() {
        DashboardChart chart = DashboardChart.create("lesson-tradeoff", "New skill vs old knowledge",
                "puzzles solved", "old knowledge", true,
                (m, r) -> List.of(new DashboardChart.Line("tradeoff." + m, null)));
        JFreeChart c = chart.chart();
        c.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 22));
        c.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 17));
        c.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 24)); // room for the last tick, "100%"
        XYPlot plot = c.getXYPlot();
        java.text.NumberFormat percent = java.text.NumberFormat.getPercentInstance(Locale.ROOT);
        for (NumberAxis axis : List.of((NumberAxis) plot.getDomainAxis(), (NumberAxis) plot.getRangeAxis())) {
            axis.setLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
            axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
            axis.setNumberFormatOverride(percent);
        }
        plot.getRangeAxis().setRange(-0.02, 1.02); // a dot at 0 % is drawn whole, not cut by the axis
        plot.getDomainAxis().setRange(-0.02 * PUZZLE_AXIS_BOUNDS[0], PUZZLE_AXIS_BOUNDS[0]);
        // GRPO drawn over SFT: where the lines share dots (the start) the second one stays visible.
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setDefaultStroke(new BasicStroke(3.5f));
        for (Role r : Role.values()) {
            chart.series(r.title()); // series index = role ordinal
            renderer.setSeriesPaint(r.ordinal(), r.colour);
            renderer.setSeriesShape(r.ordinal(), new java.awt.geom.Ellipse2D.Double(-5, -5, 10, 10));
        }
        return chart;
    }

    /** Upper bounds the puzzle axis steps through as scores grow. */
    static final double[] PUZZLE_AXIS_BOUNDS = {0.1, 0.2, 0.3, 0.5, 0.75, 1.0};

    /** The smallest bound with room above the best puzzle score so far. */
    static double puzzleAxisBound(double best) {
        for (double b : PUZZLE_AXIS_BOUNDS) {
            if (best <= b * 0.92) {
                return b;
            }
        }
        return 1.02;
    }

    private void fitPuzzleAxis() {
        double best = 0;
        for (int i = 0; i < tradeoff.data().getSeriesCount(); i++) {
            XYSeries s = tradeoff.data().getSeries(i);
            for (int k = 0; k < s.getItemCount(); k++) {
                best = Math.max(best, s.getX(k).doubleValue());
            }
        }
        double bound = puzzleAxisBound(best);
        NumberAxis axis = (NumberAxis) tradeoff.chart().getXYPlot().getDomainAxis();
        if (axis.getUpperBound() != bound) {
            axis.setRange(-0.02 * bound, bound);
        }
    }

    private static String missingFiles(Path samples) {
        if (samples == null) {
            return "The lesson needs sample-configs/lesson-sft.json and lesson-grpo.json; no sample-configs folder "
                    + "was found.";
        }
        for (Role r : Role.values()) {
            if (!Files.isRegularFile(r.file(samples))) {
                return "The lesson needs " + r.file(samples) + ", which is missing.";
            }
        }
        return null;
    }

    // ---- starting ----

    /** A run just queued and the state its folder was created with. */
    private record Started(RunFolder run, RunInfo info) {
    }

    private void startLesson() {
        Path samples = workspace.samplesDir();
        BackgroundTask.wrap(() -> {
                    // Both files are validated before either run is queued: never half a lesson.
                    Map<Role, Experiment> experiments = new EnumMap<>(Role.class);
                    for (Role r : Role.values()) {
                        experiments.put(r, ExperimentLoader.load(r.file(samples)));
                    }
                    Map<Role, Started> runs = new EnumMap<>(Role.class);
                    experiments.forEach((r, e) -> {
                        RunFolder run = workspace.manager().submit(e);
                        runs.put(r, new Started(run, run.readInfo().orElse(null)));
                    });
                    return runs;
                })
                .onRunning(() -> {
                    starting = true;
                    status.setText("Starting the lesson …");
                    updateStart();
                })
                .onSuccess(runs -> {
                    starting = false;
                    runs.forEach((role, started) -> {
                        follow(role, started.run());
                        if (started.info() != null && !infos.containsKey(role)) {
                            infos.put(role, started.info());
                            cards.get(role).show(started.run(), started.info(), metrics.get(role));
                        }
                    });
                    status.setText("Started " + runs.get(Role.SFT).run().name() + " and "
                            + runs.get(Role.GRPO).run().name() + " in " + workspace.manager().runsDir()
                            + ". Runs take turns: the GRPO run starts when the SFT run has finished.");
                    updateStart();
                })
                .onFailure(error -> {
                    starting = false;
                    status.setText("The lesson could not start: " + ErrorMessages.describe(error));
                    updateStart();
                })
                .executeWith(executor);
    }

    private void updateStart() {
        boolean active = starting || infos.values().stream().anyMatch(i -> !i.state().terminal());
        start.setDisable(active || missingFiles != null);
        start.setText(active ? "Lesson running …" : current.isEmpty() ? "Start the lesson" : "Start the lesson again");
    }

    // ---- live data ----

    private void accept(RunFeed.Batch batch) {
        Set<RunFolder> reloaded = new HashSet<>();
        batch.states().forEach((run, info) -> {
            Role role = Role.of(info);
            if (role == null) {
                return;
            }
            RunFolder shown = current.get(role);
            if (shown == null || run.name().compareTo(shown.name()) > 0) {
                follow(role, run); // a newer lesson run: it replaces the one shown, with its whole history
                reloaded.add(run);
            }
            if (run.equals(current.get(role))) {
                infos.put(role, info);
                cards.get(role).show(run, info, metrics.get(role));
            }
        });
        for (Map.Entry<RunFolder, List<RunEvent>> e : batch.metrics().entrySet()) {
            if (reloaded.contains(e.getKey())) {
                continue; // already read from the history in follow()
            }
            for (Role role : Role.values()) {
                if (e.getKey().equals(current.get(role))) {
                    add(role, e.getValue());
                }
            }
        }
        updateStart();
        updateDebrief();
    }

    /**
     * Once both lesson runs have stopped (and each was evaluated at least twice), the debrief beside the plot says
     * in plain words what happened, why, and what the paper found; hidden while a run is going on.
     */
    private void updateDebrief() {
        RunInfo sft = infos.get(Role.SFT);
        RunInfo grpo = infos.get(Role.GRPO);
        boolean ready = sft != null && grpo != null && sft.state().terminal() && grpo.state().terminal()
                && metrics.get(Role.SFT).get("jigsaw.exact").size() >= 2
                && metrics.get(Role.GRPO).get("jigsaw.exact").size() >= 2;
        debriefScroll.setVisible(ready);
        debriefScroll.setManaged(ready);
        if (!ready) {
            debrief.getChildren().clear();
            return;
        }
        Label title = new Label("Debrief");
        title.getStyleClass().add("lesson-card-title");
        debrief.getChildren().setAll(title);
        for (String paragraph : Debrief.paragraphs(lane(Role.SFT, sft), lane(Role.GRPO, grpo))) {
            Label p = new Label(paragraph);
            p.setWrapText(true);
            p.getStyleClass().add("lesson-debrief-text");
            debrief.getChildren().add(p);
        }
    }

    private Debrief.Lane lane(Role role, RunInfo info) {
        RunMetrics m = metrics.get(role);
        String ending = switch (info.state()) {
            case FINISHED -> null;
            case CANCELLED -> "(It was cancelled at step " + info.step() + " of " + info.totalSteps() + ".)";
            default -> "(It " + info.state().id() + " at step " + info.step() + " of " + info.totalSteps() + ".)";
        };
        return new Debrief.Lane(role.title(), first(m, "jigsaw.exact"), last(m, "jigsaw.exact"),
                first(m, "jigsaw.hit"), last(m, "jigsaw.hit"), first(m, "knowledge." + KNOWLEDGE_METRIC),
                last(m, "knowledge." + KNOWLEDGE_METRIC), m.get("jigsaw.exact").size(), (int) last(m, "jigsaw.n"),
                (int) last(m, "knowledge.n"), ending);
    }

    private static double first(RunMetrics m, String series) {
        List<double[]> p = m.get(series);
        return p.isEmpty() ? Double.NaN : p.get(0)[1];
    }

    private static double last(RunMetrics m, String series) {
        List<double[]> p = m.get(series);
        return p.isEmpty() ? Double.NaN : p.get(p.size() - 1)[1];
    }

    /** The debrief's paragraphs as shown (empty while hidden), for tests. */
    List<String> debriefText() {
        return debrief.getChildren().stream().skip(1).map(n -> ((Label) n).getText()).toList();
    }

    /** Shows {@code run} for {@code role}: clears the role's line and refills it from what the feed has so far. */
    private void follow(Role role, RunFolder run) {
        if (run.equals(current.get(role))) {
            return;
        }
        current.put(role, run);
        infos.remove(role);
        metrics.put(role, new RunMetrics());
        redraws.changing(tradeoff.chart());
        tradeoff.series(role.title()).clear();
        fitPuzzleAxis();
        add(role, workspace.feed().history(run));
        RunInfo known = workspace.feed().states().get(run);
        if (known != null) {
            infos.put(role, known);
        }
        cards.get(role).show(run, infos.get(role), metrics.get(role));
        updateDebrief();
    }

    private void add(Role role, List<RunEvent> events) {
        RunMetrics.Added added = metrics.get(role).add(events);
        List<double[]> points = added.points().get("tradeoff." + KNOWLEDGE_METRIC);
        if (points != null && !points.isEmpty()) {
            redraws.changing(tradeoff.chart());
            XYSeries s = tradeoff.series(role.title());
            for (double[] p : points) {
                s.add(p[0], p[1], false);
            }
            s.fireSeriesChanged();
            fitPuzzleAxis();
        }
        if (!added.points().isEmpty()) {
            cards.get(role).show(current.get(role), infos.get(role), metrics.get(role));
        }
    }

    /** The trade-off plot's data, for tests. */
    DashboardChart plot() {
        return tradeoff;
    }

    /** The run shown for a role, or null, for tests. */
    RunFolder shown(Role role) {
        return current.get(role);
    }

    ChartRedraws redraws() {
        return redraws;
    }

    /** One run's live status, in big type. */
    private static final class RunCard extends VBox {
        private final Label state = new Label("Not started");
        private final ProgressBar progress = new ProgressBar(0);
        private final Label jigsaw = new Label("–");
        private final Label knowledge = new Label("–");
        private final Label hit = new Label("–");
        private final Label run = new Label(" ");

        RunCard(Role role) {
            super(6);
            setId(role.id());
            getStyleClass().add("lesson-card");
            setStyle("-fx-border-color: transparent transparent transparent " + role.webColour() + ";");
            Label title = new Label(role.title());
            title.getStyleClass().add("lesson-card-title");
            title.setStyle("-fx-text-fill: " + role.webColour() + ";");
            title.setMinWidth(Region.USE_PREF_SIZE);
            Label method = new Label(role.method);
            method.getStyleClass().add("lesson-card-method");
            method.setMinWidth(0);
            method.setWrapText(true); // on a narrow lane the tagline takes a second line instead of an ellipsis
            HBox heading = new HBox(12, title, method);
            heading.setAlignment(Pos.BASELINE_LEFT);
            state.setId(role.id() + "-state");
            state.getStyleClass().add("lesson-state");
            progress.setMaxWidth(Double.MAX_VALUE);
            jigsaw.setId(role.id() + "-jigsaw");
            hit.setId(role.id() + "-hit");
            knowledge.setId(role.id() + "-knowledge");
            jigsaw.getStyleClass().add("lesson-number");
            hit.getStyleClass().add("lesson-number");
            knowledge.getStyleClass().add("lesson-number");
            Label jigsawLabel = new Label("puzzles\nsolved");
            Label hitLabel = new Label("tiles in the\nright place");
            Label knowledgeLabel = new Label("knowledge\nquestions right");
            jigsawLabel.getStyleClass().add("lesson-number-label");
            hitLabel.getStyleClass().add("lesson-number-label");
            knowledgeLabel.getStyleClass().add("lesson-number-label");
            for (Label l : List.of(jigsaw, jigsawLabel)) {
                l.setTooltip(Tooltips.of("exact"));
            }
            for (Label l : List.of(hit, hitLabel)) {
                l.setTooltip(Tooltips.of("hit"));
            }
            for (Label l : List.of(knowledge, knowledgeLabel)) {
                l.setTooltip(Tooltips.of("knowledge"));
            }
            // Each number above its words: side by side, a lane half as wide as a 1280-pixel window cut the
            // numbers themselves to "7...". The numbers never shrink; the words wrap.
            HBox numbers = new HBox(18, stat(jigsaw, jigsawLabel), stat(hit, hitLabel),
                    stat(knowledge, knowledgeLabel));
            numbers.setAlignment(Pos.TOP_LEFT);
            run.setId(role.id() + "-run");
            run.getStyleClass().add("lesson-run-name");
            getChildren().addAll(heading, state, progress, numbers, run);
        }

        private static VBox stat(Label number, Label words) {
            number.setMinWidth(Region.USE_PREF_SIZE);
            words.setText(words.getText().replace('\n', ' '));
            words.setWrapText(true);
            words.setMinWidth(0);
            VBox box = new VBox(0, number, words);
            HBox.setHgrow(box, Priority.ALWAYS);
            box.setMaxWidth(Double.MAX_VALUE);
            return box;
        }

        void show(RunFolder folder, RunInfo info, RunMetrics m) {
            run.setText(folder == null ? " " : folder.name());
            if (info == null) {
                state.setText(folder == null ? "Not started" : "Starting …");
                progress.setProgress(0);
            } else {
                state.setText(stateText(info));
                progress.setProgress(info.progress());
            }
            jigsaw.setText(latest(m, "jigsaw.exact"));
            hit.setText(latest(m, "jigsaw.hit"));
            knowledge.setText(latest(m, "knowledge." + KNOWLEDGE_METRIC));
        }

        private static String stateText(RunInfo info) {
            return switch (info.state()) {
                case QUEUED -> "Waiting for its turn";
                case RUNNING -> "Training: step " + info.step() + " of " + info.totalSteps();
                case PAUSED -> "Paused at step " + info.step();
                case CANCELLING -> "Stopping …";
                case CANCELLED -> "Cancelled at step " + info.step();
                case FAILED -> "Failed: " + (info.message() == null ? "see the runs view" : info.message());
                case FINISHED -> "Finished: " + info.step() + " steps";
            };
        }

        private static String latest(RunMetrics m, String series) {
            if (m == null) {
                return "–";
            }
            List<double[]> points = m.get(series);
            return points.isEmpty() ? "–"
                    : String.format(Locale.ROOT, "%.0f %%", 100 * points.get(points.size() - 1)[1]);
        }
    }
}
