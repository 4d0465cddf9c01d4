package org.tessera.app.session;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.tessera.engine.runs.RunManager;

/**
 * What the run views share: the manager that starts and follows runs, the coalescing feed of its events, and the
 * folder of sample experiments offered as starting points, and the project root that relative model paths in an
 * experiment are resolved against (as the run worker resolves them), and the window settings the run views keep
 * between sessions (column widths, chart layout).
 */
public record RunsWorkspace(RunManager manager, RunFeed feed, Path samplesDir, Path projectRoot,
                            WorkbenchSettings settings) implements AutoCloseable {

    /** A workspace whose window settings last only as long as it does (tests). */
    public RunsWorkspace(RunManager manager, RunFeed feed, Path samplesDir, Path projectRoot) {
        this(manager, feed, samplesDir, projectRoot, WorkbenchSettings.inMemory());
    }

    /** {@code sample-configs/} in {@code root} or one of its parents, or null when there is none. */
    public static Path findSamples(Path root) {
        for (Path p = root.toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("sample-configs");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** The sample experiment files, by name; empty when there is no samples folder. */
    public List<Path> samples() {
        if (samplesDir == null || !Files.isDirectory(samplesDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(samplesDir)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(org.tessera.engine.experiment.ExperimentLoader::isExperimentFile).sorted().toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    /** Stops following runs (running workers keep going) and stops the feed's flushing. */
    @Override
    public void close() {
        manager.close();
        feed.close();
        settings.close();
    }
}
