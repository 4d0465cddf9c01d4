package org.tessera.engine.runs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.SftTrainStep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A live run's new metrics reach the listeners on their own path, not at the pace of the run manager's state poll
 * (the workbench polls states every 500 ms; its charts want an event within tens of milliseconds).
 */
class RunManagerMetricsTest {
    @TempDir
    Path tmp;

    static String sftStep(long step, double loss) {
        return "{\"step\": " + step + ", \"event\": \"train\", \"phase\": \"sft\", \"data\": \"answer-only\", "
                + "\"wall_s\": 1, \"loss\": " + loss + ", \"lr\": 0.001, \"grad_norm\": 1, \"tokens_per_s\": 1, "
                + "\"samples_per_s\": 1, \"step_seconds\": 0.1}";
    }

    @Test
    void aLiveRunsNewEventsArriveTypedWithoutWaitingForTheStatePoll() throws Exception {
        Path runs = Files.createDirectories(tmp.resolve("runs"));
        RunFolder run = RunManager.createFolder(runs, ExperimentLoader.parse(TinyRunFixture.experiment(
                tmp.resolve("model"), "sft", 4), Path.of("x.json")));
        run.claim(); // this process executes it: the manager only follows
        run.writeInfo(run.info().with(RunState.RUNNING, null).startedBy(ProcessHandle.current().pid(), "cpu()",
                Map.of(), null));
        Files.write(run.metricsFile(), List.of(sftStep(1, 2.0)));
        List<RunEvent> seen = new CopyOnWriteArrayList<>();
        // a state poll once a minute: only the first (at start) falls within this test
        try (RunManager manager = new RunManager(runs, r -> null, 1, 60_000)) {
            manager.addListener(new RunManager.Listener() {
                @Override
                public void runChanged(RunFolder r, RunInfo info) {
                }

                @Override
                public void metrics(RunFolder r, List<RunEvent> events) {
                    seen.addAll(events);
                }
            });
            manager.start();
            waitFor(seen, 1);
            Files.write(run.metricsFile(), List.of(sftStep(2, 1.5), "{\"step\": 2, \"event\": \"profile\"}"),
                    StandardOpenOption.APPEND);
            waitFor(seen, 2);
            Thread.sleep(100);
            assertEquals(2, seen.size(), "a line of a kind this version does not know is left out");
            SftTrainStep second = assertInstanceOf(SftTrainStep.class, seen.get(1));
            assertEquals(1.5, second.loss(), 0.0);
            assertEquals(3, manager.parsedMetricsLines(), "every line parsed once");
        }
    }

    private static void waitFor(List<RunEvent> seen, int n) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (seen.size() < n) {
            assertTrue(System.nanoTime() < end, "the events did not arrive: " + seen.size() + " of " + n);
            Thread.sleep(5);
        }
    }
}
