package org.tessera.app;

import javafx.application.Application;
import picocli.CommandLine;

/**
 * Entry point of the workbench window. It does not extend {@link Application} on purpose: started that way from
 * the classpath, the JavaFX launcher does not insist on JavaFX being on the module path.
 *
 * <p>Every path ends in {@link System#exit}: JavaFX threads otherwise keep a JVM alive after a failure.
 */
public final class TesseraWorkbench {
    private TesseraWorkbench() {
    }

    public static void main(String[] args) {
        // before DJL loads its engine: which libtorch (gpu-setup's settings) and whether TF32 is allowed
        org.tessera.engine.gpu.GpuSettings.applyAtStartup();
        org.tessera.engine.gpu.Precision.applyAtStartup();
        CommandLine cli = new CommandLine(new WorkbenchOptions());
        WorkbenchOptions options;
        try {
            CommandLine.ParseResult parsed = cli.parseArgs(args);
            if (CommandLine.printHelpIfRequested(parsed)) {
                System.exit(0);
            }
            options = cli.getCommand();
        } catch (CommandLine.ParameterException e) {
            System.err.println(e.getMessage());
            cli.usage(System.err);
            System.exit(2);
            return;
        }
        try {
            Application.launch(WorkbenchApp.class, options.toArgs().toArray(String[]::new));
        } catch (RuntimeException | Error e) {
            // Typically no display ("Unable to open DISPLAY"): say what to do instead of a bare stack trace.
            System.err.println("tessera: the workbench window could not start: " + e.getMessage());
            System.err.println("On a machine without a display, use the CLI (./tessera --help) or run under xvfb-run.");
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(WorkbenchApp.exitCode());
    }
}
