package org.tessera.engine.runs;

import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.RunEvents;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Queues and runs experiments as worker processes and follows every run folder under the runs directory,
 * including runs started by an earlier session (reattach) and runs whose worker died (kill -9: marked failed,
 * data kept). Listeners hear state changes and new metrics events on the manager's polling thread; the workbench
 * hands them to its coalescing chart feed.
 */
public final class RunManager implements AutoCloseable {
    /** Receives run events on the manager's thread (never the UI thread). */
    public interface Listener {
        void runChanged(RunFolder run, RunInfo info);

        /**
         * New events of a run's metrics.jsonl, in file order: each line parsed once by the manager's follower and
         * typed by {@link RunEvents}; lines of kinds this version does not know are left out.
         */
        default void metrics(RunFolder run, List<RunEvent> events) {
        }
    }

    private final Path runsDir;
    /** How long a Resume waits for a stopped run's worker to finish exiting. */
    static final long WORKER_EXIT_WAIT_S = 30;
    private final WorkerBackend launcher;
    private final int maxConcurrent;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Map<Path, Tracked> tracked = new LinkedHashMap<>();
    private final ScheduledExecutorService poller;
    private final long pollMillis;
    private boolean started;

    private static final class Tracked {
        final RunFolder folder;
        final MetricsFollower metrics;
        // written by the poll thread (without the tracked lock) and by cancel/continueStopped on the caller's thread
        // (under it): volatile, so each thread sees the other's latest value. Each field is replaced whole; a
        // cancel's CANCELLING that races with a poll survives it (poll keeps CANCELLING until a terminal state).
        volatile RunInfo last;
        volatile Process process;
        /** Queued but claimed by another process: followed, never launched from here. */
        volatile boolean external;

        Tracked(RunFolder folder) {
            this.folder = folder;
            this.metrics = new MetricsFollower(folder.metricsFile());
        }
    }

    public RunManager(Path runsDir, WorkerBackend launcher, int maxConcurrent, long pollMillis) {
        this.runsDir = runsDir;
        this.launcher = launcher;
        this.maxConcurrent = maxConcurrent;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-run-manager");
            t.setDaemon(true);
            return t;
        });
        this.pollMillis = pollMillis;
    }

    /**
     * Starts following the runs folder. Separate from the constructor so listeners can be added first: otherwise
     * the first poll could report a finished run's state and metrics before anyone listens.
     */
    public synchronized RunManager start() {
        if (!started) {
            started = true;
            poller.scheduleWithFixedDelay(this::pollSafely, 0, pollMillis, TimeUnit.MILLISECONDS);
            // The charts want an event within tens of milliseconds; a state poll (listing the folder, run.json,
            // heartbeats) is heavier and need not run that often. Both run on the poller's one thread, so a follower
            // is never read by two threads and the order of a run's events is kept.
            long metricsMillis = Math.min(pollMillis, METRICS_POLL_MS);
            poller.scheduleWithFixedDelay(this::followMetricsSafely, metricsMillis, metricsMillis,
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * How often the live runs' metrics.jsonl are checked for new lines (a size check when nothing is new): with the
     * workbench's 50 ms hand-over to the UI thread, an event reaches its chart in about 40 ms plus drawing.
     */
    static final long METRICS_POLL_MS = 25;

    /** The fast path: runs that may still write (an ended run's last lines are taken by the next state poll). */
    private void followMetricsSafely() {
        List<Tracked> snapshot;
        synchronized (tracked) {
            snapshot = tracked.values().stream().filter(t -> t.last == null || !t.last.state().terminal()).toList();
        }
        try {
            for (Tracked t : snapshot) {
                followMetrics(t);
            }
        } catch (RuntimeException e) {
            System.err.println("run manager: " + e.getMessage());
        }
    }

    /** Hands a run's new metrics lines, each parsed once and typed, to the listeners (poller thread only). */
    private void followMetrics(Tracked t) {
        try {
            List<RunEvent> events = new ArrayList<>();
            for (JsonNode line : t.metrics.poll()) {
                RunEvents.read(line).ifPresent(events::add);
            }
            if (!events.isEmpty()) {
                for (Listener l : listeners) {
                    l.metrics(t.folder, events);
                }
            }
        } catch (IOException e) {
            // unreadable right now; try again next poll
        }
    }

    /** Metrics lines parsed by this manager's followers so far, over every run. */
    public long parsedMetricsLines() {
        synchronized (tracked) {
            return tracked.values().stream().mapToLong(t -> t.metrics.parsedLines()).sum();
        }
    }

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    public Path runsDir() {
        return runsDir;
    }

    /** Creates the run folder (experiment.json as resolved, run.json queued); the poller starts it when a slot frees. */
    public RunFolder submit(Experiment experiment) {
        RunFolder f = createFolder(runsDir, experiment);
        synchronized (tracked) {
            tracked.put(f.dir(), new Tracked(f));
        }
        if (started) {
            poller.execute(this::pollSafely);
        }
        return f;
    }

    /** Makes a new, uniquely named, unclaimed run folder for an experiment: a run manager's poller will start it. */
    public static RunFolder createFolder(Path runsDir, Experiment experiment) {
        return createFolder(runsDir, experiment, false);
    }

    /**
     * Makes a new, uniquely named run folder; with {@code claimed} the caller takes it for itself (the CLI runs it in
     * its own process) before run.json is written, so no run manager watching the folder launches a worker for it.
     */
    public static RunFolder createFolder(Path runsDir, Experiment experiment, boolean claimed) {
        try {
            Files.createDirectories(runsDir);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            String base = stamp + "-" + experiment.name().replaceAll("[^A-Za-z0-9._-]", "_");
            Path dir = runsDir.resolve(base);
            for (int i = 2; Files.exists(dir); i++) {
                dir = runsDir.resolve(base + "-" + i);
            }
            Files.createDirectories(dir);
            RunFolder f = new RunFolder(dir);
            if (claimed && !f.claim()) {
                throw new IOException("the new folder " + dir + " was claimed by another process");
            }
            Files.writeString(f.experimentFile(), ExperimentLoader.toJson(experiment));
            long now = System.currentTimeMillis();
            f.writeInfo(new RunInfo(experiment.name(), RunState.QUEUED, null, 0, experiment.device(), 0, 0, now, 0,
                    now, 0, null, Map.of(), null));
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a run folder in " + runsDir + ": " + e.getMessage(), e);
        }
    }

    /** Every run folder under the runs directory, oldest first. */
    public List<RunFolder> list() {
        return createListing(runsDir);
    }

    /** Every run folder under {@code runsDir}, oldest first. */
    public static List<RunFolder> createListing(Path runsDir) {
        if (!Files.isDirectory(runsDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(runsDir)) {
            return s.map(RunFolder::new).filter(RunFolder::exists)
                    .sorted(Comparator.comparing(RunFolder::name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void pause(RunFolder f) {
        f.writeControl(new RunControl(true, false));
    }

    public void resume(RunFolder f) {
        f.writeControl(new RunControl(false, false));
    }

    /**
     * Makes a stopped run queued again so that a worker continues it: the worker resumes from the newest checkpoint
     * and first cuts the logs back to its step (so metrics stay continuous). This is what {@code tessera resume}
     * does before it executes the run in its own process. Refuses a finished run and one whose worker still lives.
     *
     * @return the queued state written to run.json
     */
    public static RunInfo queueForResume(RunFolder folder) {
        RunInfo info = folder.readInfo().orElseThrow(() -> new IllegalArgumentException(folder.dir()
                + ": not a run folder (no readable run.json)"));
        if (info.state() == RunState.FINISHED) {
            throw new IllegalStateException(folder.name() + " already finished at step " + info.step());
        }
        if (!info.state().terminal() && info.state() != RunState.QUEUED && info.workerAlive()) {
            throw new IllegalStateException(folder.name() + " is still running (worker pid " + info.pid() + ")");
        }
        RunInfo queued = info.with(RunState.QUEUED, "resuming from " + (info.lastCheckpoint() == null
                ? "the start (no checkpoint yet)" : info.lastCheckpoint()));
        folder.writeInfo(queued);
        return queued;
    }

    /**
     * Continues a cancelled or failed run in a new worker that this manager starts (the workbench's Resume on a
     * stopped run; {@link #resume} only lifts a pause). The run's claim from its first execution is released first,
     * so the poller can claim and launch it like a new queued run.
     */
    public void continueStopped(RunFolder f) {
        Process previous;
        synchronized (tracked) {
            previous = tracked.computeIfAbsent(f.dir(), d -> new Tracked(f)).process;
        }
        // A worker that has written its final state may still be closing its JVM (PyTorch's teardown takes a
        // moment): a Resume right after "cancelled" waits for that instead of refusing. Outside the lock, so the
        // poller goes on meanwhile.
        if (previous != null && previous.isAlive() && f.readInfo().map(i -> i.state().terminal()).orElse(false)) {
            try {
                previous.waitFor(WORKER_EXIT_WAIT_S, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (tracked) {
            Tracked t = tracked.computeIfAbsent(f.dir(), d -> new Tracked(f));
            if (t.process != null && t.process.isAlive()) {
                throw new IllegalStateException(f.name() + " is still running (worker pid " + t.process.pid() + ")");
            }
            t.process = null;
            t.external = false;
            // Forget the state held for the old worker: if Resume comes before a poll saw its final state, a held
            // CANCELLING would make the poll ignore the new QUEUED, and the run would never start.
            t.last = null;
            try {
                Files.deleteIfExists(f.claimFile());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot release the claim of " + f.dir() + ": " + e.getMessage(), e);
            }
            queueForResume(f);
        }
        if (started) {
            poller.execute(this::pollSafely);
        }
    }

    /** Cancels a queued run at once, or asks a running worker to stop after its current step. */
    public void cancel(RunFolder f) {
        RunInfo info = f.info();
        if (info.state() == RunState.QUEUED) {
            f.writeInfo(info.with(RunState.CANCELLED, "cancelled before it started"));
        } else if (!info.state().terminal()) {
            f.writeControl(new RunControl(false, true));
            synchronized (tracked) {
                Tracked t = tracked.get(f.dir());
                if (t != null && t.last != null) {
                    RunInfo cancelling = t.last.with(RunState.CANCELLING, "cancel requested");
                    t.last = cancelling;
                    fire(t.folder, cancelling);
                }
            }
        }
        if (started) {
            poller.execute(this::pollSafely);
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            System.err.println("run manager: " + e.getMessage());
        }
    }

    private void poll() {
        List<Tracked> snapshot;
        synchronized (tracked) {
            for (RunFolder f : list()) {
                tracked.computeIfAbsent(f.dir(), d -> new Tracked(f));
            }
            snapshot = new ArrayList<>(tracked.values());
        }
        int active = 0;
        for (Tracked t : snapshot) {
            RunInfo info = t.folder.readInfo().orElse(null);
            if (info == null) {
                continue;
            }
            if ((info.state() == RunState.RUNNING || info.state() == RunState.PAUSED) && !alive(t, info)) {
                String how = t.process != null ? " (exit code " + t.process.exitValue() + ")" : "";
                info = info.with(RunState.FAILED, "worker process ended without finishing" + how
                        + "; metrics kept" + (info.lastCheckpoint() == null ? ""
                        : ", last checkpoint " + info.lastCheckpoint()) + "; 'tessera resume' continues it");
                t.folder.writeInfo(info);
            }
            if (info.state() == RunState.QUEUED && t.process != null && !t.process.isAlive()) {
                info = info.with(RunState.FAILED, "worker exited before starting (exit code " + t.process.exitValue()
                        + "); see " + t.folder.logFile());
                t.folder.writeInfo(info);
            }
            if (info.state() == RunState.RUNNING || info.state() == RunState.PAUSED
                    || info.state() == RunState.QUEUED && t.process != null) {
                active++;
            }
            if (t.last == null || !sameState(t.last, info)) {
                if (!(t.last != null && t.last.state() == RunState.CANCELLING && !info.state().terminal())) {
                    t.last = info;
                    fire(t.folder, info);
                }
            }
            followMetrics(t);
        }
        for (Tracked t : snapshot) {
            if (active >= maxConcurrent) {
                break;
            }
            if (t.last != null && t.last.state() == RunState.QUEUED && t.process == null && !t.external) {
                if (!t.folder.claim()) {
                    t.external = true; // another process (a CLI, another window) executes it; only follow it
                    continue;
                }
                try {
                    t.process = launcher.start(t.folder);
                    active++;
                } catch (IOException e) {
                    RunInfo failed = t.last.with(RunState.FAILED, "could not start the worker: " + e.getMessage());
                    t.folder.writeInfo(failed);
                }
            }
        }
    }

    private static boolean sameState(RunInfo a, RunInfo b) {
        return a.state() == b.state() && a.step() == b.step() && a.updatedMs() == b.updatedMs();
    }

    private static boolean alive(Tracked t, RunInfo info) {
        if (t.process != null) {
            return t.process.isAlive();
        }
        return alive(info, Heartbeat.read(t.folder).orElse(null), Heartbeat.thisHost(), System.currentTimeMillis());
    }

    /**
     * A worker this manager did not start: alive while its process lives on this machine, or, when its heartbeat
     * names another host, while that heartbeat is fresh (its pid means nothing here). A dead local pid is dead at
     * once, whatever its last heartbeat says.
     */
    static boolean alive(RunInfo info, Heartbeat heartbeat, String thisHost, long nowMs) {
        if (info.workerAlive()) {
            return true;
        }
        return heartbeat != null && !heartbeat.host().equals(thisHost) && heartbeat.fresh(nowMs);
    }

    private void fire(RunFolder f, RunInfo info) {
        for (Listener l : listeners) {
            l.runChanged(f, info);
        }
    }

    /** Stops following runs; running workers keep going (they outlive the window by design). */
    @Override
    public void close() {
        poller.shutdownNow();
    }
}
