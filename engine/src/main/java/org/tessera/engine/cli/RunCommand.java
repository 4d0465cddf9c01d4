package org.tessera.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentException;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.experiment.ExperimentPaths;
import org.tessera.engine.runs.MetricsFollower;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.runs.events.TrainStep;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/** {@code tessera run EXPERIMENT.json}: validates, creates a run folder and runs it here with a progress bar. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment file (validated first: every problem is listed with its JSON path).")
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "experiment file (see sample-configs/ and docs/experiments.md)")
    Path experimentFile;

    @Option(names = "--runs-dir", description = "where run folders go (default: runs/ in the project)")
    Path runsDir;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        Experiment e = ExperimentLoader.load(experimentFile);
        // the folders it names are checked before a run folder is made: a bad path never becomes a failed run
        java.util.List<org.tessera.engine.config.Problem> pathProblems =
                ExperimentPaths.problems(e, Runs.projectRoot());
        if (!pathProblems.isEmpty()) {
            throw new ExperimentException(experimentFile, pathProblems);
        }
        RunFolder folder = RunManager.createFolder(runsDir == null ? Runs.defaultRunsDir() : runsDir, e, true);
        System.err.println("run folder: " + folder.dir());
        return execute(folder, noProgress);
    }

    /** Runs a prepared folder in this process while a daemon thread draws the progress bar from its files. */
    static int execute(RunFolder folder, boolean noProgress) throws InterruptedException {
        AtomicBoolean done = new AtomicBoolean();
        Thread bar = new Thread(() -> drawProgress(folder, done), "tessera-progress");
        bar.setDaemon(true);
        if (!noProgress) {
            bar.start();
        }
        int code = Workers.jigsaw().run(folder.dir());
        done.set(true);
        if (!noProgress) {
            bar.join(2000);
        }
        RunInfo info = folder.info();
        System.err.println(info.state().id() + (info.message() == null ? "" : ": " + info.message()));
        return code;
    }

    private static void drawProgress(RunFolder folder, AtomicBoolean done) {
        MetricsFollower metrics = new MetricsFollower(folder.metricsFile());
        String latest = "";
        try (ProgressBar pb = new ProgressBarBuilder().setTaskName(folder.name()).setInitialMax(1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(120).build()) {
            while (!done.get()) {
                RunInfo info = folder.readInfo().orElse(null);
                if (info != null && info.totalSteps() > 0) {
                    pb.maxHint(info.totalSteps());
                    pb.stepTo(info.step());
                }
                for (JsonNode line : metrics.poll()) {
                    // the typed events of the one reader: an eval updates the scores, a train step the loss
                    RunEvent ev = RunEvents.read(line).orElse(null);
                    if (ev instanceof EvalEvent e) {
                        latest = String.format("jigsaw %.2f knowledge %.2f",
                                e.eval().jigsawExact(), e.eval().knowledgeAverage().accuracy());
                    } else if (ev instanceof TrainStep t) {
                        pb.setExtraMessage(String.format("loss %.3f %s", t.loss(), latest));
                    }
                }
                Thread.sleep(300);
            }
        } catch (Exception ignored) {
            // the bar is cosmetic; the run's files hold the truth
        }
    }
}
