package org.tessera.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.Runs;
import org.tessera.engine.train.JsonlFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tessera runs}: every run with its state and last metrics. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List runs with state, progress and last metrics.")
public final class RunsCommand implements Callable<Integer> {
    @Option(names = "--runs-dir", description = "runs folder (default: runs/ in the project)")
    Path runsDir;

    @Override
    public Integer call() {
        Path dir = runsDir == null ? Runs.defaultRunsDir() : runsDir;
        List<RunFolder> runs = RunManager.createListing(dir);
        if (runs.isEmpty()) {
            System.out.println("no runs in " + dir);
            return 0;
        }
        System.out.printf("%-44s %-10s %-12s %-8s %-10s %s%n", "run", "state", "step", "jigsaw", "knowledge", "message");
        for (RunFolder f : runs) {
            RunInfo info = f.readInfo().orElse(null);
            if (info == null) {
                continue;
            }
            String jig = "-";
            String know = "-";
            for (JsonNode ev : JsonlFiles.read(f.metricsFile())) {
                if (ev.has("eval")) {
                    jig = String.format("%.2f", ev.get("eval").path("jigsaw").path("exact").asDouble());
                    know = String.format("%.2f", ev.get("eval").path("knowledge").path("average").path("accuracy").asDouble());
                }
            }
            String state = info.state().id();
            boolean alive = info.workerAlive();
            if ((state.equals("running") || state.equals("paused")) && !alive) {
                state = "dead?"; // the worker is gone without writing a final state (e.g. kill -9)
            }
            System.out.printf("%-44s %-10s %-12s %-8s %-10s %s%n", f.name(), state, info.step() + "/" + info.totalSteps(),
                    jig, know, info.message() == null ? "" : info.message());
        }
        return 0;
    }
}
