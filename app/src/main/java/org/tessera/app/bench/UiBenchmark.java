package org.tessera.app.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.util.Duration;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tessera.app.session.RunFeed;
import org.tessera.app.shell.Section;
import org.tessera.app.shell.WorkbenchWindow;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;

/**
 * {@code ./tessera bench-ui}: the real workbench, showing its dashboard, while a real run (a worker process started
 * through the same {@link RunManager} as the Launch button) streams metrics. It measures
 * <ul>
 *   <li><b>UI-thread stalls</b>: a thread posts a {@code Platform.runLater} heartbeat every {@value #HEARTBEAT_MS} ms
 *       (one outstanding at a time) and records how long each waited before it ran; the longest wait is the longest
 *       time the UI thread could not answer. The UI thread's CPU time between heartbeats tells whether a stall was
 *       the window's own work or the thread waiting for a core. Frame gaps (an {@link AnimationTimer}) are reported
 *       beside it.</li>
 *   <li><b>Event-to-chart latency</b>: from the moment a metrics event was appended to {@code metrics.jsonl}
 *       ({@link AppendWatcher}) to the moment its point is in the chart's dataset and the chart has been redrawn
 *       (training events: the loss chart; evaluations: the KL chart's knowledge-probe line; the dashboard is
 *       scrolled to show both).</li>
 * </ul>
 * Everything is measured on the UI thread itself; the summary goes to standard output.
 */
public final class UiBenchmark {
    static final int HEARTBEAT_MS = 5;
    /** Stalls at least this long are listed one by one. */
    static final double LONG_STALL_MS = 25;
    /** Targets of issue #6. */
    static final double STALL_TARGET_MS = 50;
    static final double LATENCY_TARGET_MS = 250;

    private final WorkbenchWindow window;
    private final RunManager manager;
    private final RunFeed feed;
    private final Path experiment;
    private final double maxSeconds;
    private final PrintStream out;
    private final IntConsumer exit;

    // UI thread only.
    private final List<Double> heartbeatWaitMs = new ArrayList<>();
    /** Heartbeat waits after the first evaluation was drawn: first-use costs (a run's first row, a chart's first
     * lines, cold code) are behind. */
    private final List<Double> warmWaitMs = new ArrayList<>();
    private long warmFromNanos = Long.MAX_VALUE;
    private final List<Double> uiCpuBetweenBeatsMs = new ArrayList<>();
    private final List<Double> frameGapMs = new ArrayList<>();
    private final Map<String, Long> datasetMicros = new HashMap<>();
    private final Map<String, Long> drawnMicros = new HashMap<>();
    private final List<double[]> longStalls = new ArrayList<>();
    private long lastBeatCpuNanos = -1;
    private long lastRenderCpuNanos = -1;
    /** JavaFX's render thread (rasterises frames; with software rendering a busy one holds up the UI thread). */
    private long renderThreadId = -1;
    private long startNanos;
    private double loadAtStart;
    private RunFolder run;
    private RunInfo lastInfo;
    private AppendWatcher watcher;
    private AnimationTimer frames;
    private volatile boolean measuring;
    private boolean finishing;

    public UiBenchmark(WorkbenchWindow window, RunManager manager, RunFeed feed, Path experiment, double maxSeconds,
                       PrintStream out, IntConsumer exit) {
        this.window = window;
        this.manager = manager;
        this.feed = feed;
        this.experiment = experiment;
        this.maxSeconds = maxSeconds;
        this.out = out;
        this.exit = exit;
    }

    /** Call on the UI thread once the window is showing. */
    public void start() {
        window.show(Section.DASHBOARD);
        out.printf(Locale.ROOT, "bench-ui: runs folder %s; experiment %s%n", manager.runsDir(), experiment);
        // Let the dashboard build and draw once, so start-up layout is not counted as a stall.
        PauseTransition settle = new PauseTransition(Duration.seconds(1));
        settle.setOnFinished(e -> begin());
        settle.play();
    }

    private void begin() {
        loadAtStart = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        startNanos = System.nanoTime();
        measuring = true;
        startHeartbeat();
        frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    frameGapMs.add((now - last) / 1e6);
                }
                last = now;
            }
        };
        frames.start();
        // The dashboard shows about half of its charts at a time and draws only those in view: scroll to the rows
        // holding the loss chart (a point per training step) and the KL chart (a point per evaluation).
        Node loss = window.lookup("#chart-loss");
        for (Node n = loss; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.ScrollPane sp) {
                sp.setVvalue(sp.getVmax());
                break;
            }
        }
        watchChart("loss", "train", "");
        watchChart("kl", "eval", " · knowledge probes");
        watchChart("jigsaw", "eval", ""); // out of view: its dataset only (the same moment as the KL chart's)
        Thread submit = new Thread(() -> {
            try {
                RunFolder f = manager.submit(ExperimentLoader.load(experiment));
                Platform.runLater(() -> started(f));
            } catch (RuntimeException e) {
                Platform.runLater(() -> fail("could not start the run: " + e.getMessage()));
            }
        }, "tessera-bench-submit");
        submit.setDaemon(true);
        submit.start();
        PauseTransition limit = new PauseTransition(Duration.seconds(maxSeconds));
        limit.setOnFinished(e -> timeUp());
        limit.play();
    }

    private void started(RunFolder f) {
        run = f;
        out.println("bench-ui: run " + f.dir());
        watcher = new AppendWatcher(f.metricsFile());
        feed.subscribe(batch -> {
            RunInfo info = batch.states().get(run);
            if (info != null) {
                lastInfo = info;
                if (info.state().terminal()) {
                    finish();
                }
            }
        });
    }

    private void startHeartbeat() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
                .findFirst().ifPresent(t -> renderThreadId = t.getId());
        Thread beat = new Thread(() -> {
            while (measuring) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long now = System.nanoTime();
                    long cpu = mx.isCurrentThreadCpuTimeSupported() ? mx.getCurrentThreadCpuTime() : -1;
                    beat((now - posted) / 1e6, cpu, now);
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(HEARTBEAT_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "tessera-bench-heartbeat");
        beat.setDaemon(true);
        beat.start();
    }

    private void beat(double waitMs, long cpuNanos, long now) {
        if (!measuring) {
            return;
        }
        heartbeatWaitMs.add(waitMs);
        if (now >= warmFromNanos) {
            warmWaitMs.add(waitMs);
        }
        // UI-thread CPU spent since the previous heartbeat ran: the window's own work in that interval (a stall
        // longer than this was the thread waiting for a core or for the renderer).
        double cpuMs = lastBeatCpuNanos < 0 || cpuNanos < 0 ? Double.NaN : (cpuNanos - lastBeatCpuNanos) / 1e6;
        if (!Double.isNaN(cpuMs)) {
            uiCpuBetweenBeatsMs.add(cpuMs);
        }
        long renderNanos = renderThreadId < 0 ? -1
                : ManagementFactory.getThreadMXBean().getThreadCpuTime(renderThreadId);
        double renderMs = lastRenderCpuNanos < 0 || renderNanos < 0 ? Double.NaN
                : (renderNanos - lastRenderCpuNanos) / 1e6;
        if (waitMs >= LONG_STALL_MS) {
            longStalls.add(new double[] {(now - startNanos) / 1e9, waitMs, cpuMs, renderMs});
        }
        lastBeatCpuNanos = cpuNanos;
        lastRenderCpuNanos = renderNanos;
    }

    /** Notes when the run's points land in a chart's dataset, and when that chart is next redrawn. */
    private void watchChart(String id, String kind, String seriesSuffix) {
        Node node = window.lookup("#chart-" + id);
        if (!(node instanceof ChartViewer viewer)) {
            fail("the dashboard has no chart #chart-" + id);
            return;
        }
        JFreeChart chart = viewer.getChart();
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        Set<String> awaitingDraw = new HashSet<>();
        int[] seen = {0};
        data.addChangeListener(e -> {
            if (run == null || !measuring) {
                return;
            }
            int i = data.getSeriesIndex(run.name() + seriesSuffix);
            if (i < 0) {
                return;
            }
            XYSeries s = data.getSeries(i);
            long now = AppendWatcher.micros(Instant.now());
            for (int k = seen[0]; k < s.getItemCount(); k++) {
                String key = kind + ":" + s.getX(k).longValue();
                datasetMicros.putIfAbsent(key, now); // the first chart to hold it
                if (!drawnMicros.containsKey(key)) {
                    awaitingDraw.add(key);
                }
            }
            seen[0] = s.getItemCount();
        });
        // Registered after the chart's canvas, so this runs once the canvas has redrawn.
        chart.addChangeListener(e -> {
            if (!awaitingDraw.isEmpty() && chart.isNotify()) {
                long now = AppendWatcher.micros(Instant.now());
                awaitingDraw.forEach(k -> drawnMicros.putIfAbsent(k, now));
                if (warmFromNanos == Long.MAX_VALUE && awaitingDraw.stream().anyMatch(k -> k.startsWith("eval:"))) {
                    warmFromNanos = System.nanoTime();
                }
                awaitingDraw.clear();
            }
        });
    }

    private void timeUp() {
        if (run == null || finishing) {
            if (run == null) {
                fail("the run did not start within " + maxSeconds + " s");
            }
            return;
        }
        out.printf(Locale.ROOT, "bench-ui: %.0f s limit reached; cancelling the run%n", maxSeconds);
        RunFolder f = run;
        Thread cancel = new Thread(() -> manager.cancel(f), "tessera-bench-cancel");
        cancel.setDaemon(true);
        cancel.start();
        // The feed reports the cancelled state, which finishes; if the worker does not stop, finish anyway.
        PauseTransition giveUp = new PauseTransition(Duration.seconds(60));
        giveUp.setOnFinished(e -> finish());
        giveUp.play();
    }

    private void finish() {
        if (finishing) {
            return;
        }
        finishing = true;
        // The run's last lines and its final state can arrive in one flush: give the charts a moment to draw.
        PauseTransition tail = new PauseTransition(Duration.millis(1500));
        tail.setOnFinished(e -> report());
        tail.play();
    }

    private void report() {
        measuring = false;
        frames.stop();
        Map<String, Long> appended = watcher == null ? Map.of() : watcher.appended();
        if (watcher != null) {
            watcher.close();
        }
        Result r = Result.of(heartbeatWaitMs, frameGapMs, appended, datasetMicros, drawnMicros,
                (System.nanoTime() - startNanos) / 1e9);
        out.println();
        out.println("UI responsiveness while a run streams metrics (tessera bench-ui)");
        out.println("  run:            " + (run == null ? "-" : run.dir()) + " — "
                + (lastInfo == null ? "no state" : lastInfo.state().id() + ", step " + lastInfo.step() + " / "
                + lastInfo.totalSteps()));
        out.printf(Locale.ROOT, "  measured:       %.1f s on %d cores; load average %.1f at the start, %.1f at the end%n",
                r.seconds(), Runtime.getRuntime().availableProcessors(), loadAtStart,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "  UI-thread stall (runLater heartbeat every %d ms, wait before it ran): %s%n",
                HEARTBEAT_MS, r.stalls().summary());
        longStalls.sort((a, b) -> Double.compare(b[1], a[1]));
        for (double[] st : longStalls.subList(0, Math.min(8, longStalls.size()))) {
            out.printf(Locale.ROOT, "    stall %6.1f ms at %6.1f s; since the previous heartbeat the UI thread was on "
                    + "CPU %.1f ms, the render thread %.1f ms%n", st[1], st[0], st[2], st[3]);
        }
        if (longStalls.size() > 8) {
            out.printf(Locale.ROOT, "    ... %d stalls >= %.0f ms in all%n", longStalls.size(), LONG_STALL_MS);
        }
        out.printf(Locale.ROOT, "  the same after the first evaluation was drawn (from %.1f s): %s%n",
                warmFromNanos == Long.MAX_VALUE ? Double.NaN : (warmFromNanos - startNanos) / 1e9,
                Distribution.of(warmWaitMs).summary());
        out.printf(Locale.ROOT, "  UI-thread CPU time between two heartbeats (its own work, whatever the load): %s%n",
                Distribution.of(uiCpuBetweenBeatsMs).summary());
        out.printf(Locale.ROOT, "  frame gaps (AnimationTimer pulses): %s%n", r.frames().summary());
        out.printf(Locale.ROOT, "  event -> point in chart dataset: %s%n", r.toDataset().summary());
        out.printf(Locale.ROOT, "  event -> chart redrawn:          %s%n", r.toDrawn().summary());
        out.printf(Locale.ROOT, "  events appended %d (train %d, eval %d); charted %d; never charted %d%n",
                r.appended(), r.appendedTrain(), r.appended() - r.appendedTrain(), r.toDrawn().n(), r.missing());
        boolean stallOk = r.stalls().max() < STALL_TARGET_MS;
        boolean latencyOk = r.toDrawn().n() > 0 && r.toDrawn().quantile(0.95) < LATENCY_TARGET_MS && r.missing() == 0;
        out.printf(Locale.ROOT, "  target max stall < %.0f ms: %s; target event -> chart p95 < %.0f ms: %s%n",
                STALL_TARGET_MS, stallOk ? "met" : "MISSED", LATENCY_TARGET_MS, latencyOk ? "met" : "MISSED");
        out.flush();
        exit.accept(0);
    }

    private void fail(String message) {
        measuring = false;
        out.println("bench-ui: " + message);
        out.flush();
        exit.accept(1);
    }

    /** The numbers of one benchmark, computed from the raw measurements (milliseconds). */
    record Result(Distribution stalls, Distribution frames, Distribution toDataset, Distribution toDrawn,
                  int appended, int appendedTrain, int missing, double seconds) {

        static Result of(List<Double> waits, List<Double> frameGaps, Map<String, Long> appended,
                         Map<String, Long> dataset, Map<String, Long> drawn, double seconds) {
            List<Double> toDataset = new ArrayList<>();
            List<Double> toDrawn = new ArrayList<>();
            int missing = 0;
            int train = 0;
            for (Map.Entry<String, Long> e : appended.entrySet()) {
                if (e.getKey().startsWith("train:")) {
                    train++;
                }
                Long d = dataset.get(e.getKey());
                Long w = drawn.get(e.getKey());
                if (d != null) {
                    toDataset.add((d - e.getValue()) / 1000.0);
                }
                if (w != null) {
                    toDrawn.add((w - e.getValue()) / 1000.0);
                } else {
                    missing++;
                }
            }
            return new Result(Distribution.of(waits), Distribution.of(frameGaps), Distribution.of(toDataset),
                    Distribution.of(toDrawn), appended.size(), train, missing, seconds);
        }
    }
}
