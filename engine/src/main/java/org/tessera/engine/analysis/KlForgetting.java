package org.tessera.engine.analysis;

import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * RL's Razor (arXiv 2509.04259) on Tessera's runs: forgetting should track the KL divergence from the base model
 * measured on the new task. For every run folder this reads the evaluation events of metrics.jsonl and pairs the
 * final {@code kl_task} with the change in retained-knowledge accuracy since step 0 (the base model).
 */
public final class KlForgetting {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    private KlForgetting() {
    }

    /**
     * One run's row of the "KL vs forgetting" table.
     *
     * @param knowledgeChange final knowledge accuracy minus step 0's (negative: forgetting); NaN without step 0
     */
    public record RunRow(String run, String method, long finalStep, double finalKlTask, double finalKlKnowledge,
                         double knowledgeAtStart, double knowledgeAtEnd, double knowledgeChange, double jigsawExact,
                         List<EvalPoint> series) {
    }

    /** One run's evaluations, however they were read: from its folder, or from events already parsed live. */
    public record RunSeries(String run, String method, List<EvalPoint> series) {
    }

    /** The table, with Pearson's r of (final KL_task, knowledge change) over runs that have both (NaN if &lt; 3). */
    public record Table(List<RunRow> runs, double pearsonKlTaskVsChange, int pairs) {
    }

    /** The table of every run folder under {@code runsDir}; a run whose metrics cannot be read fails the whole table. */
    public static Table table(Path runsDir) {
        return table(runsDir, null);
    }

    /**
     * The table, leaving out each run whose metrics cannot be read (a malformed line, an unreadable file) and adding
     * its problem ({@code FILE:LINE: problem}) to {@code problems}: one damaged run need not hide every other. With
     * {@code problems} null the first such run fails the whole table.
     */
    public static Table table(Path runsDir, List<String> problems) {
        if (!Files.isDirectory(runsDir)) {
            throw new AnalysisDataException(runsDir, "not a folder (expected a runs folder of run folders)");
        }
        List<RunSeries> runs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(runsDir)) {
            for (Path d : dirs.sorted().toList()) {
                Path metrics = new RunFolder(d).metricsFile();
                if (Files.isRegularFile(metrics)) {
                    List<EvalPoint> series;
                    try {
                        series = MetricsReader.evals(metrics);
                    } catch (AnalysisDataException | UncheckedIOException e) {
                        if (problems == null) {
                            throw e;
                        }
                        problems.add(e.getMessage());
                        continue;
                    }
                    runs.add(new RunSeries(d.getFileName().toString(), method(d), series));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + runsDir + ": " + e.getMessage(), e);
        }
        return table(runs);
    }

    /** The table of these runs (those without evaluations are left out), in the order given. */
    public static Table table(List<RunSeries> runs) {
        List<RunRow> rows = new ArrayList<>();
        for (RunSeries r : runs) {
            if (!r.series().isEmpty()) {
                List<EvalPoint> sorted = new ArrayList<>(r.series());
                sorted.sort(Comparator.comparingLong(EvalPoint::step));
                rows.add(row(r.run(), r.method(), sorted));
            }
        }
        List<double[]> pairs = rows.stream().filter(r -> Double.isFinite(r.finalKlTask())
                && Double.isFinite(r.knowledgeChange())).map(r -> new double[] {r.finalKlTask(), r.knowledgeChange()})
                .toList();
        return new Table(rows, pairs.size() < 3 ? Double.NaN : pearson(pairs), pairs.size());
    }

    private static RunRow row(String run, String method, List<EvalPoint> series) {
        EvalPoint start = series.stream().filter(p -> p.step() == 0).findFirst().orElse(null);
        EvalPoint end = series.get(series.size() - 1);
        double at0 = start == null ? Double.NaN : start.knowledgeAverage();
        return new RunRow(run, method, end.step(), end.klTask(), end.klKnowledge(), at0,
                end.knowledgeAverage(), end.knowledgeAverage() - at0, end.jigsawExact(), series);
    }

    /** "sft/answer-only", "grpo", ... from the run's resolved experiment.json; "?" when unreadable. */
    public static String method(Path dir) {
        try {
            return methodLabel(JSON.readTree(new RunFolder(dir).experimentFile().toFile()));
        } catch (IOException e) {
            return "?";
        }
    }

    /** A run's method as tables and charts label it: "sft/answer-only", "grpo", ...; "?" when the file has none. */
    public static String methodLabel(JsonNode experiment) {
        JsonNode m = experiment.path("method");
        String kind = m.path("kind").asText("?");
        String data = m.path("sft").path("data").asText("");
        return data.isEmpty() ? kind : kind + "/" + data;
    }

    /** Pearson's r of (x, y) pairs; NaN when either has no spread. */
    public static double pearson(List<double[]> xy) {
        double mx = xy.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double my = xy.stream().mapToDouble(p -> p[1]).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : xy) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }
}
