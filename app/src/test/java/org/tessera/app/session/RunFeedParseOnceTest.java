package org.tessera.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.SftTrainStep;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.runs.TestRuns;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.RunState;
import org.tessera.engine.runs.WorkerLauncher;

/**
 * One metrics line is parsed once between the file and the views: by the run manager's follower of its run. The
 * feed hands the manager's parsed events on and reads no file itself (the app's LayeringTest keeps every app class
 * off the engine's file follower).
 */
class RunFeedParseOnceTest {
    @TempDir
    Path temp;

    @Test
    void everyLineIsParsedOnceAndReachesTheFeedsSubscribers() throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        List<String> lines = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            lines.add(sftStep(step, 1.5));
        }
        RunFolder run = TestRuns.write(runs, "20261205-100000-x", TestRuns.experiment("x", "sft", 0.001),
                RunState.RUNNING, 5, lines, List.of());
        ExecutorService ui = Executors.newSingleThreadExecutor();
        List<RunEvent> seen = new ArrayList<>(); // ui thread only
        try (RunFeed feed = new RunFeed(ui, 10);
             RunManager manager = new RunManager(runs, new WorkerLauncher(List.of()), 1, 20)) {
            ui.submit(() -> feed.subscribe(batch -> batch.metrics().values().forEach(seen::addAll))).get();
            feed.attach(manager);
            manager.start();
            waitFor(ui, seen, 5);
            Files.write(run.metricsFile(), List.of(sftStep(5, 1.0), sftStep(6, 0.9)), StandardOpenOption.APPEND);
            waitFor(ui, seen, 7);
            Thread.sleep(200); // further polls and flushes must not deliver or parse anything again
            assertEquals(7, ui.submit(seen::size).get());
            assertEquals(7, ui.submit(() -> feed.history(run).size()).get());
            assertEquals(7, manager.parsedMetricsLines(), "each line parsed once, by the manager's follower");
            assertEquals(6L, ui.submit(() -> seen.get(6).step()).get());
            assertEquals(0.9, ui.submit(() -> ((SftTrainStep) seen.get(6)).loss()).get(), 0.0, "typed events");
        } finally {
            ui.shutdownNow();
        }
    }

    private static void waitFor(ExecutorService ui, List<RunEvent> seen, int n) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        while (ui.submit(seen::size).get() < n) {
            assertTrue(System.nanoTime() < end, "events did not arrive: " + ui.submit(seen::size).get() + " of " + n);
            Thread.sleep(10);
        }
    }

    /** An SFT step's line as the worker writes it (docs/contracts). */
    static String sftStep(int step, double loss) {
        return "{\"step\": " + step + ", \"event\": \"train\", \"phase\": \"sft\", \"data\": \"answer-only\", "
                + "\"wall_s\": " + step + ", \"loss\": " + loss + ", \"lr\": 0.001, \"grad_norm\": 1, "
                + "\"tokens_per_s\": 100, \"samples_per_s\": 10, \"step_seconds\": 0.1}";
    }
}
