package org.tessera.app.runs;

import org.tessera.app.session.RunFeed;
import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.widgets.ExperimentFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.RunState;
import org.tessera.engine.runs.WorkerLauncher;

/**
 * Run folders written by hand in a temporary runs folder, as a worker would leave them, and a real
 * {@link RunManager} following them. No run is QUEUED, so the manager never starts a worker process.
 */
public final class TestRuns {
    private TestRuns() {
    }

    public static String experiment(String name, String kind, double lr) {
        String method = kind.equals("grpo")
                ? "{\"kind\": \"grpo\", \"steps\": 20, \"lr\": " + lr + ", \"grpo\": {\"group_size\": 4, "
                        + "\"prompts_per_step\": 2, \"max_new_tokens\": 6}}"
                : "{\"kind\": \"sft\", \"steps\": 20, \"batch_size\": 4, \"lr\": " + lr
                        + ", \"sft\": {\"data\": \"answer-only\"}}";
        return "{\"schema\": 1, \"name\": \"" + name + "\", \"base_model\": \"assets/models/tessera-tiny\", "
                + "\"seed\": 1, \"task\": {\"grid\": \"2x2\", \"source\": \"procedural\", \"prompt\": \"answer-only\","
                + " \"train_size\": 40, \"test_size\": 4}, \"method\": " + method + ", \"eval\": {\"every\": 5}, "
                + "\"checkpoint\": {\"every\": 10}}";
    }

    /** A finished run folder with a resolved experiment.json and the given metrics/rollouts lines. */
    public static RunFolder write(Path runsDir, String dirName, String experimentJson, RunState state, long step,
                                  List<String> metricsLines, List<String> rolloutLines) throws IOException {
        Path dir = Files.createDirectories(runsDir.resolve(dirName));
        RunFolder f = new RunFolder(dir);
        Files.writeString(f.experimentFile(),
                ExperimentLoader.toJson(ExperimentLoader.parse(experimentJson, Path.of(dirName))));
        long now = System.currentTimeMillis();
        f.writeInfo(new RunInfo(dirName, state, state == RunState.FINISHED ? "finished" : null, 0, "cpu", step, 20,
                now - 60_000, now - 50_000, now, state.terminal() ? now : 0, null, Map.of(), null));
        if (!metricsLines.isEmpty()) {
            Files.write(f.metricsFile(), metricsLines);
        }
        if (!rolloutLines.isEmpty()) {
            Files.write(f.rolloutsFile(), rolloutLines);
        }
        return f;
    }

    /** Gives a run folder's run.json another experiment name (folders written above use the folder's name). */
    public static RunFolder named(RunFolder f, String experimentName) {
        RunInfo i = f.info();
        f.writeInfo(new RunInfo(experimentName, i.state(), i.message(), i.pid(), i.device(), i.step(), i.totalSteps(),
                i.createdMs(), i.startedMs(), i.updatedMs(), i.finishedMs(), i.lastCheckpoint(), i.versions(), i.precision()));
        return f;
    }

    /** A manager and feed on the folder, the feed flushing to the FX thread as in the workbench. */
    /** Experiment files whose "Open" dialog picks whatever {@code toOpen} gives at that moment; "Save as" is cancelled. */
    public static ExperimentFiles opening(Supplier<Path> toOpen) {
        return new ExperimentFiles() {
            @Override
            public Optional<Path> open(javafx.stage.Window owner, Path start) {
                return Optional.ofNullable(toOpen.get());
            }

            @Override
            public Optional<Path> saveAs(javafx.stage.Window owner, Path start, String name) {
                return Optional.empty();
            }
        };
    }

    public static RunsWorkspace workspace(Path runsDir, Path samplesDir) {
        RunFeed feed = new RunFeed(Platform::runLater, 25);
        RunManager manager = new RunManager(runsDir, new WorkerLauncher(List.of()), 1, 50);
        feed.attach(manager);
        manager.start();
        return new RunsWorkspace(manager, feed, samplesDir, projectRoot());
    }

    /** The repository root (tests run in the module folder), so "assets/models/tessera-tiny" resolves as in use. */
    public static Path projectRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("assets/models/tessera-tiny/config.json"))) {
                return p;
            }
        }
        throw new IllegalStateException("no assets/models/tessera-tiny above " + Path.of("").toAbsolutePath());
    }
}
