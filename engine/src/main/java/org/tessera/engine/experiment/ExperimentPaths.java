package org.tessera.engine.experiment;

import org.tessera.engine.config.Problem;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.model.ModelArchitectures;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.qwen2_5_vl.QwenLora;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the folders an experiment names before a run starts, so a bad path is refused at launch rather than
 * failing the run later: {@code base_model} must be a checkpoint folder whose config.json names an architecture
 * Tessera can open (read from config.json only; no weights are loaded), and a {@code task.source} that is not a
 * built-in source must be an existing folder. The CLI ({@code tessera run}) and the workbench's form both use it.
 */
public final class ExperimentPaths {
    /** Image sources generated or shipped with Tessera; any other source names a folder. */
    public static final Set<String> BUILT_IN_SOURCES = Set.of(PuzzleSpec.PROCEDURAL, PuzzleSpec.SCENERY,
            PuzzleSpec.ASSETS);

    private ExperimentPaths() {
    }

    public static List<Problem> problems(Experiment e, Path projectRoot) {
        List<Problem> out = new ArrayList<>(problems(e.baseModel(), e.task().source(), projectRoot));
        String b = e.eval().usesBenchmarks() ? e.eval().benchmarks() : null;
        if (b != null && !b.isBlank()) {
            Path folder = resolve(projectRoot, b.trim());
            if (!Files.isDirectory(folder)) {
                out.add(new Problem("$.eval.benchmarks", "benchmark folder " + folder + " does not exist"));
            }
        }
        return out;
    }

    /**
     * {@code baseModel} relative to {@code projectRoot} as the run worker resolves it; a folder {@code source}
     * relative to the working directory, as the puzzle generator opens it. Null or blank values are left to the
     * schema's checks.
     */
    public static List<Problem> problems(String baseModel, String source, Path projectRoot) {
        List<Problem> out = new ArrayList<>();
        if (baseModel != null && !baseModel.isBlank()) {
            String p = modelProblem(resolve(projectRoot, baseModel.trim()));
            if (p != null) {
                out.add(new Problem("$.base_model", p));
            }
        }
        if (source != null && !source.isBlank() && !BUILT_IN_SOURCES.contains(source.trim())) {
            Path folder = Path.of(source.trim()).toAbsolutePath();
            if (!Files.isDirectory(folder)) {
                out.add(new Problem("$.task.source", "image folder " + folder + " does not exist (use "
                        + String.join(", ", BUILT_IN_SOURCES.stream().sorted().toList()) + " or a folder of images)"));
            }
        }
        return out;
    }

    private static String modelProblem(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "model folder " + dir + " does not exist";
        }
        if (Files.isRegularFile(dir.resolve(QwenLora.CONFIG))) {
            return null; // a LoRA adapter folder: the loader opens its base model from adapter_config.json
        }
        try {
            String arch = ModelLoader.architectureOf(dir);
            if (ModelArchitectures.find(arch) == null) {
                return dir + " is not a model Tessera can load: architecture '" + arch + "' is not supported "
                        + "(supported: " + String.join(", ", ModelArchitectures.all().keySet()) + ")";
            }
            return null;
        } catch (ModelLoadException e) {
            return "not a model folder: " + e.getMessage();
        }
    }

    private static Path resolve(Path root, String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : root.resolve(path);
    }
}
