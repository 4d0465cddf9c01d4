package org.tessera.engine.cli;

import org.tessera.engine.runs.RunControl;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tessera cancel RUN_DIR}: asks a run's worker to stop after its current step (data kept). */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a run: a running worker stops after its current step, keeping metrics and checkpoints.")
public final class CancelCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run folder")
    Path dir;

    @Override
    public Integer call() {
        RunFolder folder = new RunFolder(dir);
        RunInfo info = folder.readInfo().orElseThrow(() -> new IllegalArgumentException(dir
                + ": not a run folder (no readable run.json)"));
        if (info.state().terminal()) {
            System.err.println(dir + " is already " + info.state().id());
            return 0;
        }
        if (info.state() == RunState.QUEUED) {
            folder.writeInfo(info.with(RunState.CANCELLED, "cancelled before it started"));
        } else {
            folder.writeControl(new RunControl(false, true));
            System.err.println("cancel requested; the worker stops after its current step");
        }
        return 0;
    }
}
