package org.tessera.engine.runs;

import org.tessera.engine.config.TesseraEnvironment;

import java.nio.file.Path;

/** Where runs live: one place shared by the CLI and the workbench. */
public final class Runs {
    private Runs() {
    }

    /** The project root: {@code TESSERA_ROOT} (set by the launcher), else the working directory. */
    public static Path projectRoot() {
        return TesseraEnvironment.ROOT.value().map(Path::of).orElseGet(() -> Path.of("").toAbsolutePath());
    }

    /** The default runs folder: {@code TESSERA_RUNS}, else {@code runs/} under the project root. */
    public static Path defaultRunsDir() {
        return TesseraEnvironment.RUNS.value().map(Path::of).orElseGet(() -> projectRoot().resolve("runs"));
    }
}
