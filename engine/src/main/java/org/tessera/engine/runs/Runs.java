package org.tessera.engine.runs;

import java.nio.file.Path;

/** Where runs live: one place shared by the CLI and the workbench. */
public final class Runs {
    private Runs() {
    }

    /** The project root: {@code TESSERA_ROOT} (set by the launcher), else the working directory. */
    public static Path projectRoot() {
        String root = org.tessera.engine.config.TesseraEnvironment.ROOT.value().orElse(null);
        return root == null || root.isBlank() ? Path.of("").toAbsolutePath() : Path.of(root);
    }

    /** The default runs folder: {@code TESSERA_RUNS}, else {@code runs/} under the project root. */
    public static Path defaultRunsDir() {
        String dir = org.tessera.engine.config.TesseraEnvironment.RUNS.value().orElse(null);
        return dir == null || dir.isBlank() ? projectRoot().resolve("runs") : Path.of(dir);
    }
}
