package org.tessera.engine.report;

import org.jfree.chart.JFreeChart;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.analysis.EvalPoint;
import org.tessera.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes the whole report (charts as PNG + SVG, report.md) into a folder. */
public final class Report {
    public static final int WIDTH = 900;
    public static final int HEIGHT = 600;

    /** What was written. */
    public record Result(List<ReportRun> runs, List<String> skipped, List<Path> files) {
    }

    private Report() {
    }

    /**
     * @param names      runs to include, by experiment or folder name (null or empty: all)
     * @param perplexity optional {@code analyze perplexity --json} output
     * @param influence  optional {@code analyze influence --json} output
     */
    public static Result write(Path runsDir, List<String> names, Path out, Path perplexity, Path influence) {
        System.setProperty("java.awt.headless", "true");
        // read every input before writing anything: a bad file fails without a half-written report
        RunSelection.Selected sel = RunSelection.select(runsDir, names);
        Map<String, Double> ppl = perplexity == null ? null : AnalysisJsonFiles.medianPerplexity(perplexity);
        Map<String, Double> infl = influence == null ? null : AnalysisJsonFiles.influenceMagnitude(influence);
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new AnalysisDataException(out, "cannot create the output folder (" + e.getMessage() + ")");
        }
        List<ReportRun> runs = sel.runs();
        List<String[]> charts = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        ReportRun withBase = runs.stream().filter(r -> r.base() != null).findFirst().orElse(null);
        add(files, charts, out, "tradeoff", "Learning vs forgetting",
                ReportCharts.tradeoff(ReportDatasets.tradeoff(runs), withBase));
        add(files, charts, out, "jigsaw-vs-step", "Jigsaw exact accuracy vs step",
                ReportCharts.versusStep("Jigsaw: exact accuracy on held-out puzzles", "jigsaw exact accuracy",
                        ReportDatasets.versusStep(runs, EvalPoint::jigsawExact)));
        add(files, charts, out, "knowledge-vs-step", "Retained knowledge vs step",
                ReportCharts.versusStep("Retained knowledge: average accuracy", "knowledge average accuracy",
                        ReportDatasets.versusStep(runs, EvalPoint::knowledgeAverage)));
        add(files, charts, out, "knowledge-change", "Knowledge change per family",
                ReportCharts.knowledgeChange(ReportDatasets.knowledgeChange(runs)));
        if (ppl != null) {
            add(files, charts, out, "perplexity", "Median perplexity per data kind (" + perplexity.getFileName() + ")",
                    ReportCharts.perplexity(ReportDatasets.perKind("median perplexity", ppl)));
        }
        if (infl != null) {
            add(files, charts, out, "influence", "Normalised influence per data kind (" + influence.getFileName() + ")",
                    ReportCharts.influence(ReportDatasets.perKind("eNTK lower bound", infl)));
        }
        Path md = out.resolve("report.md");
        try {
            AtomicFiles.write(md, ReportMarkdown.page(runsDir.toString(), runs, sel.skipped(), charts)
                    .getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + md + ": " + e.getMessage(), e);
        }
        files.add(md);
        return new Result(runs, sel.skipped(), files);
    }

    private static void add(List<Path> files, List<String[]> charts, Path out, String name, String caption,
                            JFreeChart chart) {
        files.addAll(ChartFiles.write(chart, out, name, WIDTH, HEIGHT));
        charts.add(new String[] {name, caption});
    }
}
