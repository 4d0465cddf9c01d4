package org.tessera.app.charts;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javafx.animation.AnimationTimer;
import javafx.geometry.Bounds;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Redraws live charts coalesced and spread over frames, so streaming metrics never block the UI thread for long.
 *
 * <p>A JFreeChart-FX canvas redraws synchronously on every chart change, and one redraw of a chart costs several
 * milliseconds of UI-thread time (tens when the code is still cold). Redrawing every touched chart at once when an
 * evaluation arrives (five charts) stalled the window for hundreds of milliseconds on a loaded 2-core machine
 * ({@code ./tessera bench-ui}, docs/performance.md). Here instead:
 * <ul>
 *   <li>{@link #changing} switches the chart's notifications off before its data change, so adding points does not
 *       redraw (the data themselves change at once; only the picture waits);</li>
 *   <li>a chart is redrawn once {@link #delayMillis} after its first pending change (MZmine's 25 ms
 *       {@code DelayedChartDrawAdapter}): everything that arrives meanwhile is drawn by the same redraw;</li>
 *   <li>redraws run on animation pulses with a per-frame budget ({@link #frameBudgetMillis}, at least one chart per
 *       frame), so five dirty charts on a slow machine take a few frames instead of one long stall;</li>
 *   <li>a chart that cannot be seen (another view is showing, or it is scrolled out of the dashboard's viewport) is
 *       not drawn until it can be: the dashboard shows about half of its eight charts at a time.</li>
 * </ul>
 * UI thread only.
 */
public final class ChartRedraws {
    private final long delayNanos;
    private final long budgetNanos;
    /** Chart -> when its first pending change was made (System.nanoTime). Identity: JFreeChart's equals is deep. */
    private final Map<JFreeChart, Long> dirty = new IdentityHashMap<>();
    private final List<JFreeChart> order = new ArrayList<>();
    private final Map<JFreeChart, ChartViewer> viewers = new IdentityHashMap<>();
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            drawDue();
        }
    };
    private boolean running;
    private long redraws;

    public ChartRedraws() {
        this(25, 8);
    }

    public ChartRedraws(long delayMillis, long frameBudgetMillis) {
        this.delayNanos = delayMillis * 1_000_000L;
        this.budgetNanos = frameBudgetMillis * 1_000_000L;
    }

    public long delayMillis() {
        return delayNanos / 1_000_000L;
    }

    public long frameBudgetMillis() {
        return budgetNanos / 1_000_000L;
    }

    /**
     * Tells the scheduler which viewer shows a chart: it is drawn only while that viewer is in a scene, and drawn
     * as soon as it is put back into one if changes arrived meanwhile.
     */
    public void track(ChartViewer viewer) {
        JFreeChart chart = viewer.getChart();
        viewers.put(chart, viewer);
        viewer.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && dirty.containsKey(chart)) {
                start();
            }
        });
        // Scrolling (or any layout change above the viewer) moves it: a chart scrolled back into view is drawn.
        viewer.localToSceneTransformProperty().addListener((obs, old, t) -> {
            if (dirty.containsKey(chart) && inView(viewer)) {
                start();
            }
        });
    }

    /**
     * Whether any of the viewer can be seen: it is in a scene, it and its parents are visible, and it intersects
     * the viewport of every scroll pane it is in and the scene itself.
     */
    static boolean inView(ChartViewer viewer) {
        Scene scene = viewer.getScene();
        if (scene == null || !viewer.isVisible()) {
            return false;
        }
        Bounds b = viewer.localToScene(viewer.getLayoutBounds());
        for (Parent p = viewer.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
            if (p instanceof ScrollPane sp && !sp.localToScene(sp.getLayoutBounds()).intersects(b)) {
                return false;
            }
        }
        return b.intersects(0, 0, scene.getWidth(), scene.getHeight());
    }

    /** Call before changing a chart's data: its redraw is deferred and merged with the other pending changes. */
    public void changing(JFreeChart chart) {
        if (!dirty.containsKey(chart)) {
            chart.setNotify(false);
            dirty.put(chart, System.nanoTime());
            order.add(chart);
        }
        start();
    }

    /** Whether a chart has changes not drawn yet (for tests). */
    public boolean pending(JFreeChart chart) {
        return dirty.containsKey(chart);
    }

    /** How many redraws were made so far (for tests and the benchmark). */
    public long redraws() {
        return redraws;
    }

    /** Draws every pending chart now (exports, screenshots). */
    public void flush() {
        for (JFreeChart chart : List.copyOf(order)) {
            draw(chart);
        }
    }

    private void start() {
        if (!running) {
            running = true;
            timer.start();
        }
    }

    private void drawDue() {
        long frameStart = System.nanoTime();
        boolean drewOne = false;
        boolean waiting = false;
        for (Iterator<JFreeChart> it = List.copyOf(order).iterator(); it.hasNext(); ) {
            JFreeChart chart = it.next();
            ChartViewer viewer = viewers.get(chart);
            if (viewer != null && !inView(viewer)) {
                continue; // hidden or scrolled out of view: drawn when it comes back (see track)
            }
            long since = dirty.get(chart);
            if (System.nanoTime() - since < delayNanos) {
                waiting = true;
                continue;
            }
            if (drewOne && System.nanoTime() - frameStart >= budgetNanos) {
                waiting = true;
                break; // the rest next frame
            }
            draw(chart);
            drewOne = true;
        }
        if (!waiting) {
            running = false;
            timer.stop();
        }
    }

    private void draw(JFreeChart chart) {
        dirty.remove(chart);
        order.remove(chart);
        chart.setNotify(true); // fires one change: the canvas redraws with everything added meanwhile
        redraws++;
    }
}
