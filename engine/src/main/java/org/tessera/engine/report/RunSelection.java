package org.tessera.engine.report;

import org.tessera.engine.runs.RunFolder;
import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.analysis.EvalPoint;
import org.tessera.engine.analysis.JsonlLines;
import org.tessera.engine.analysis.KlForgetting;
import org.tessera.engine.analysis.MetricsReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Finds the run folders of a runs folder (sub-folders with a run.json, experiment.json or metrics.jsonl), keeps
 * those named in the filter (by experiment name or folder name; none = all) and reads their eval events. A run with
 * no eval events (or no metrics.jsonl) is skipped with a reason; a malformed metrics file is an error.
 */
public final class RunSelection {
    /** The runs to report, and the skipped ones as "folder: reason". */
    public record Selected(List<ReportRun> runs, List<String> skipped) {
    }

    private RunSelection() {
    }

    public static Selected select(Path runsDir, List<String> names) {
        if (!Files.isDirectory(runsDir)) {
            throw new AnalysisDataException(runsDir, "not a folder (expected a runs folder of run folders)");
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.list(runsDir)) {
            dirs = s.filter(RunSelection::isRunFolder).sorted().toList();
        } catch (IOException e) {
            throw new AnalysisDataException(runsDir, "cannot list (" + e.getMessage() + ")");
        }
        if (dirs.isEmpty()) {
            throw new AnalysisDataException(runsDir, "no run folders (sub-folders with run.json, experiment.json or"
                    + " metrics.jsonl)");
        }
        Set<String> wanted = names == null ? Set.of() : new LinkedHashSet<>(names);
        Set<String> unmatched = new LinkedHashSet<>(wanted);
        List<ReportRun> runs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path d : dirs) {
            JsonNode exp = readJson(new RunFolder(d).experimentFile());
            JsonNode info = readJson(new RunFolder(d).infoFile());
            String folder = d.getFileName().toString();
            String name = exp.path("name").asText(info.path("name").asText(folder));
            if (!wanted.isEmpty() && !wanted.contains(name) && !wanted.contains(folder)) {
                continue;
            }
            unmatched.remove(name);
            unmatched.remove(folder);
            Path metrics = new RunFolder(d).metricsFile();
            if (!Files.isRegularFile(metrics)) {
                skipped.add(folder + ": no metrics.jsonl");
                continue;
            }
            List<EvalPoint> evals = MetricsReader.evals(metrics);
            if (evals.isEmpty()) {
                skipped.add(folder + ": no eval events in metrics.jsonl");
                continue;
            }
            runs.add(new ReportRun(name, d, name, KlForgetting.methodLabel(exp),
                    info.path("state").asText("?").toLowerCase(), evals));
        }
        if (!unmatched.isEmpty()) {
            throw new AnalysisDataException(runsDir, "--runs: no run named " + String.join(", ", unmatched)
                    + " (a run matches by its experiment name or its folder name)");
        }
        if (runs.isEmpty()) {
            throw new AnalysisDataException(runsDir, "no run with eval events to report"
                    + (skipped.isEmpty() ? "" : " (skipped: " + String.join("; ", skipped) + ")"));
        }
        return new Selected(uniqueLabels(runs), skipped);
    }

    /** Runs that share an experiment name are labelled by folder, so every chart series has its own key. */
    static List<ReportRun> uniqueLabels(List<ReportRun> runs) {
        Map<String, Integer> count = new HashMap<>();
        runs.forEach(r -> count.merge(r.label(), 1, Integer::sum));
        return runs.stream().map(r -> count.get(r.label()) > 1 ? r.withLabel(r.folder()) : r).toList();
    }

    private static boolean isRunFolder(Path d) {
        return Files.isDirectory(d) && (Files.isRegularFile(new RunFolder(d).infoFile())
                || Files.isRegularFile(new RunFolder(d).experimentFile()) || Files.isRegularFile(new RunFolder(d).metricsFile()));
    }

    /** The file's JSON, or an empty node when it is missing or unreadable (names then fall back to the folder). */
    private static JsonNode readJson(Path file) {
        try {
            return Files.isRegularFile(file) ? JsonlLines.JSON.readTree(file.toFile()) : JsonlLines.JSON.createObjectNode();
        } catch (IOException e) {
            return JsonlLines.JSON.createObjectNode();
        }
    }
}
