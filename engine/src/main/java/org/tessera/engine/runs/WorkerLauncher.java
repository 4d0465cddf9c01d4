package org.tessera.engine.runs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a run's worker as a separate JVM ({@code TesseraCli worker DIR}) on this JVM's class path, with its
 * output in the run's {@code worker.log}. The environment is inherited (the launcher's offline and threading
 * settings); {@code -Dai.djl.offline=true} is passed again so a worker can never download.
 */
public final class WorkerLauncher {
    private final List<String> extraJvmArgs;

    public WorkerLauncher(List<String> extraJvmArgs) {
        this.extraJvmArgs = List.copyOf(extraJvmArgs);
    }

    public Process launch(RunFolder folder) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>();
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
}
