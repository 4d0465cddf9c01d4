package org.tessera.engine.runs;

import java.nio.file.Path;

/** Where runs live: one place shared by the CLI and the workbench. */
public final class Runs {
    private Runs() {
    }

    /** The project root: {@code TESSERA_ROOT} (set by the launcher), else the working directory. */
    public static Path projectRoot() {
        String root = System.getenv("TESSERA_ROOT");
        return root == null || root.isBlank() ? Path.of("").toAbsolutePath() : Path.of(root);
    }

    /** The default runs folder: {@code TESSERA_RUNS}, else {@code runs/} under the project root. */
    public static Path defaultRunsDir() {
        String dir = System.getenv("TESSERA_RUNS");
        return dir == null || dir.isBlank() ? projectRoot().resolve("runs") : Path.of(dir);
    }
}
