package org.tessera.app.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;

/**
 * Carries the run manager's events to the UI thread, coalesced. The manager calls its listeners on its own polling
 * thread, possibly with many metrics events at once; handing each to the UI thread separately froze the window in
 * the stack-notes measurements. So events are buffered here and handed over with ONE {@code uiThread.execute} per
 * flush, carrying everything that arrived since the last one, at most one flush per {@code flushMillis}: a metrics
 * event after a quiet spell goes at once (a chart sees it within the manager's poll), the rest wait for the next
 * slot. State changes alone wait one interval, so that the states of a whole poll (or of {@link #attach}) arrive
 * together.
 *
 * <p>The feed also remembers, on the UI thread, every run's latest state and all its metrics events, so a view
 * opened later (the dashboard) starts from the full history rather than from the next event.
 *
 * <p>Each metrics line is parsed once, by the run manager's follower of that run, and reaches the feed through
 * {@link RunManager.Listener#metrics}; the feed never reads a run's files. {@link #attach} must come before
 * {@link RunManager#start()} (the manager's first poll delivers every run's whole history), and reads every run's
 * run.json once, so that a run listed before the first poll has a state at once.
 */
public final class RunFeed implements RunManager.Listener, AutoCloseable {
    /** What arrived since the last flush: latest state per run, new metrics events per run, in arrival order. */
    public record Batch(Map<RunFolder, RunInfo> states, Map<RunFolder, List<RunEvent>> metrics) {
        public boolean isEmpty() {
            return states.isEmpty() && metrics.isEmpty();
        }
    }

    private final Executor uiThread;
    private final ScheduledExecutorService flusher;
    private final long flushNanos;
    private final Object lock = new Object();
    private boolean flushScheduled; // guarded by lock
    private long lastFlushNanos; // guarded by lock
    private Map<RunFolder, RunInfo> pendingStates = new LinkedHashMap<>();
    private Map<RunFolder, List<RunEvent>> pendingMetrics = new LinkedHashMap<>();

    // UI thread only.
    private final Map<RunFolder, RunInfo> states = new LinkedHashMap<>();
    private final Map<RunFolder, List<RunEvent>> history = new LinkedHashMap<>();
    private final List<Consumer<Batch>> subscribers = new ArrayList<>();

    public RunFeed(Executor uiThread, long flushMillis) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-run-feed");
            t.setDaemon(true);
            return t;
        });
        this.flushNanos = TimeUnit.MILLISECONDS.toNanos(flushMillis);
        this.lastFlushNanos = System.nanoTime() - flushNanos;
    }

    /**
     * Schedules the next flush unless one is pending (under lock): for metrics as soon as one interval has passed
     * since the last flush, for states one interval from now.
     */
    private void requestFlush(boolean metrics) {
        if (flushScheduled) {
            return;
        }
        flushScheduled = true;
        long wait = metrics ? Math.max(0, lastFlushNanos + flushNanos - System.nanoTime()) : flushNanos;
        try {
            flusher.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            flushScheduled = false; // the feed is closed: nothing is delivered any more
        }
    }

    /** Listens to the manager and reads the state of every run it already lists (see the class comment). */
    public void attach(RunManager manager) {
        manager.addListener(this);
        synchronized (lock) { // every listed run's state in one batch
            for (RunFolder run : manager.list()) {
                run.readInfo().ifPresent(info -> runChanged(run, info));
            }
        }
    }

    @Override
    public void runChanged(RunFolder run, RunInfo info) {
        synchronized (lock) {
            pendingStates.put(run, info);
            requestFlush(false);
        }
    }

    @Override
    public void metrics(RunFolder run, List<RunEvent> events) {
        synchronized (lock) {
            pendingMetrics.computeIfAbsent(run, r -> new ArrayList<>()).addAll(events);
            requestFlush(true);
        }
    }

    private void flush() {
        Batch batch;
        synchronized (lock) {
            flushScheduled = false;
            lastFlushNanos = System.nanoTime();
            if (pendingStates.isEmpty() && pendingMetrics.isEmpty()) {
                return;
            }
            batch = new Batch(pendingStates, pendingMetrics);
            pendingStates = new LinkedHashMap<>();
            pendingMetrics = new LinkedHashMap<>();
        }
        uiThread.execute(() -> deliver(batch));
    }

    private void deliver(Batch batch) {
        states.putAll(batch.states());
        batch.metrics().forEach((run, events) -> history.computeIfAbsent(run, r -> new ArrayList<>()).addAll(events));
        for (Consumer<Batch> s : List.copyOf(subscribers)) {
            s.accept(batch);
        }
    }

    /**
     * Subscribes on the UI thread; the subscriber first receives everything known so far as one batch (when there
     * is anything), then each flush.
     */
    public void subscribe(Consumer<Batch> subscriber) {
        subscribers.add(subscriber);
        if (!states.isEmpty() || !history.isEmpty()) {
            Map<RunFolder, List<RunEvent>> copy = new LinkedHashMap<>();
            history.forEach((run, events) -> copy.put(run, List.copyOf(events)));
            subscriber.accept(new Batch(new LinkedHashMap<>(states), copy));
        }
    }

    /** Latest known state of every run (UI thread). */
    public Map<RunFolder, RunInfo> states() {
        return Map.copyOf(states);
    }

    /** All metrics events of a run received so far (UI thread). */
    public List<RunEvent> history(RunFolder run) {
        return List.copyOf(history.getOrDefault(run, List.of()));
    }

    @Override
    public void close() {
        flusher.shutdownNow();
    }
}
