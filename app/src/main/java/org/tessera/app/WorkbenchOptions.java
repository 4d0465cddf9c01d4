package org.tessera.app;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command-line options of the workbench window ({@code ./tessera workbench --help}). */
@Command(name = "tessera workbench", mixinStandardHelpOptions = true, versionProvider = org.tessera.engine.Version.Provider.class,
        description = "Opens the Tessera workbench window.")
final class WorkbenchOptions {

    @Option(names = "--model", paramLabel = "DIR",
            description = "Checkpoint folder to load at start (default: ${DEFAULT-VALUE}).")
    Path model = Path.of("assets", "models", "tessera-tiny");

    @Option(names = "--screenshot", paramLabel = "PNG",
            description = "Write a picture of the window to this file once the model has loaded (or failed to), "
                    + "then one of every other view beside it (<view-id>.png), then exit. Needs a display; use "
                    + "xvfb-run on a headless machine.")
    Path screenshot;

    @Option(names = "--runs-dir", paramLabel = "DIR",
            description = "Runs folder to list, follow and launch into (default: $TESSERA_RUNS, else runs/ under the "
                    + "project root; with --bench-ui a new temporary folder).")
    Path runsDir;

    @Option(names = "--bench-ui",
            description = "Responsiveness benchmark: show the dashboard, start the --bench-experiment run, measure "
                    + "UI-thread stalls and event-to-chart latency until it ends, print a summary and exit "
                    + "(./tessera bench-ui).")
    boolean benchUi;

    @Option(names = "--bench-experiment", paramLabel = "FILE",
            description = "Experiment the benchmark runs (default: sample-configs/quick-demo.json).")
    Path benchExperiment;

    @Option(names = "--bench-seconds", paramLabel = "S",
            description = "Stop measuring (and cancel the run) after this long (default: ${DEFAULT-VALUE}).")
    double benchSeconds = 300;

    /** JavaFX's Application.launch takes only strings: the options travel as their own command line. */
    List<String> toArgs() {
        List<String> args = new java.util.ArrayList<>(List.of("--model", model.toString()));
        if (screenshot != null) {
            args.addAll(List.of("--screenshot", screenshot.toString()));
        }
        if (runsDir != null) {
            args.addAll(List.of("--runs-dir", runsDir.toString()));
        }
        if (benchUi) {
            args.add("--bench-ui");
            args.addAll(List.of("--bench-seconds", Double.toString(benchSeconds)));
        }
        if (benchExperiment != null) {
            args.addAll(List.of("--bench-experiment", benchExperiment.toString()));
        }
        return List.copyOf(args);
    }

    static WorkbenchOptions parse(String... args) {
        WorkbenchOptions options = new WorkbenchOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
