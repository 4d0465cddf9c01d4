package org.tessera.engine.cli;

import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunManager;
import org.tessera.engine.runs.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tessera resume RUN_DIR}: continues a killed, failed or cancelled run from its newest checkpoint. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a run from its newest checkpoint; its logs continue without duplicated or missing steps.")
public final class ResumeCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run folder")
    Path dir;

    @Option(names = "--no-progress", description = "no progress bar")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = new RunFolder(dir);
        RunInfo info = folder.readInfo().orElseThrow(() -> new IllegalArgumentException(dir
                + ": not a run folder (no readable run.json)"));
        if (info.state() == RunState.FINISHED) {
            System.err.println(dir + " already finished at step " + info.step());
            return 0;
        }
        RunManager.queueForResume(folder); // refuses a run whose worker is alive; the workbench's Resume does the same
        return RunCommand.execute(folder, noProgress);
    }
}
