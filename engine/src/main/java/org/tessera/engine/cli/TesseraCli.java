package org.tessera.engine.cli;

import org.tessera.engine.gpu.GpuSettings;
import org.tessera.engine.gpu.Precision;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless command line: {@code ./tessera <command> ...}. Every subcommand has {@code --help}. The workbench
 * and this CLI drive the same engine services.
 */
@Command(name = "tessera", mixinStandardHelpOptions = true, versionProvider = org.tessera.engine.Version.Provider.class,
        description = "Study how a multimodal LLM learns a new task (jigsaw) without forgetting what it knew.",
        subcommands = {CommandLine.HelpCommand.class, InfoCommand.class, InitModelCommand.class, BenchCommand.class,
                PretrainCommand.class, PuzzlesCommand.class, WorldSamplesCommand.class, BenchmarksDemoCommand.class,
                RunCommand.class, RunsCommand.class, ResumeCommand.class, CancelCommand.class, WorkerCommand.class,
                EvalCommand.class, AnalyzeCommand.class, ReportCommand.class,
                GenerateCommand.class, GpuSetupCommand.class, GpuCheckCommand.class})
public final class TesseraCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // before DJL loads its engine: which libtorch (gpu-setup's settings) and whether TF32 is allowed
        GpuSettings.applyAtStartup();
        Precision.applyAtStartup();
        System.exit(execute(args));
    }

    /** Runs the CLI and returns its exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new TesseraCli());
        // A failing command prints one clear line (file, field, problem), not a stack trace; TESSERA_DEBUG=1 shows it.
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (org.tessera.engine.config.TesseraEnvironment.DEBUG.value().isPresent()) {
                e.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
