package org.tessera.engine.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tessera worker RUN_DIR}: the process the workbench starts for a run (not usually typed by hand). */
@Command(name = "worker", mixinStandardHelpOptions = true, hidden = true,
        description = "Execute a prepared run folder in this process (the workbench starts one per run).")
public final class WorkerCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "run folder")
    Path dir;

    @Override
    public Integer call() {
        return Workers.jigsaw().run(dir);
    }
}
