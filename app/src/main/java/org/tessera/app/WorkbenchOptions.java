package org.tessera.app;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command-line options of the workbench window ({@code ./tessera workbench --help}). */
@Command(name = "tessera workbench", mixinStandardHelpOptions = true, version = "Tessera 0.1.0",
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

    /** JavaFX's Application.launch takes only strings: the options travel as their own command line. */
    List<String> toArgs() {
        return screenshot == null
                ? List.of("--model", model.toString())
                : List.of("--model", model.toString(), "--screenshot", screenshot.toString());
    }

    static WorkbenchOptions parse(String... args) {
        WorkbenchOptions options = new WorkbenchOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
