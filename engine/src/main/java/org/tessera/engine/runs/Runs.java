package org.tessera.engine.runs;

import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;

import java.nio.file.Path;

/** Where runs live and how a worker is built: one place shared by the CLI and the workbench. */
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

    /** A worker that runs Tessera's jigsaw methods with the retained-knowledge suite its experiment chooses. */
    public static RunWorker worker() {
        return new RunWorker(() -> new JigsawMethod(KnowledgeSetups.fromExperiment(projectRoot()), projectRoot()));
    }
}
