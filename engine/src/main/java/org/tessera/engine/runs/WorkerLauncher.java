package org.tessera.engine.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a run's worker as a separate JVM ({@code TesseraCli worker DIR}) on this JVM's class path, with its
 * output in the run's {@code worker.log}. The environment is inherited (the launcher's offline and threading
 * settings); {@code -Dai.djl.offline=true} is passed again so a worker can never download.
 *
 * <p>Where {@code nice} exists the worker starts at niceness {@value #WORKER_NICENESS} ({@code TESSERA_WORKER_NICE}
 * overrides, 0 = off): on a 2-core machine the training worker otherwise competes with the window's UI and render
 * threads, which made most of the long UI stalls measured by {@code bench-ui} (docs/performance.md). {@code nice}
 * execs java, so the process id is still the worker's own.
 */
public final class WorkerLauncher implements WorkerBackend {
    static final int WORKER_NICENESS = 5;
    private static final Path NICE = Path.of("/usr/bin/nice");
    private final List<String> extraJvmArgs;

    public WorkerLauncher(List<String> extraJvmArgs) {
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
    }

    @Override
    public Process start(RunFolder folder) throws IOException {
        return launch(folder);
    }

    public Process launch(RunFolder folder) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
        int niceness = niceness();
        if (niceness > 0 && Files.isExecutable(NICE)) {
            cmd.addAll(List.of(NICE.toString(), "-n", Integer.toString(niceness)));
        }
        cmd.add(java);
        cmd.add("-Dai.djl.offline=true");
        cmd.addAll(extraJvmArgs);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.tessera.engine.cli.TesseraCli");
        cmd.add("worker");
        cmd.add(folder.dir().toAbsolutePath().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.logFile().toFile()));
        return pb.start();
    }

    private static int niceness() {
        String v = org.tessera.engine.config.TesseraEnvironment.WORKER_NICE.value().orElse(null);
        try {
            return v == null ? WORKER_NICENESS : Math.max(0, Math.min(19, Integer.parseInt(v)));
        } catch (NumberFormatException e) {
            return WORKER_NICENESS;
        }
    }
}
