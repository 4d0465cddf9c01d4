package org.tessera.engine.cli;

import org.tessera.engine.report.Report;
import org.tessera.engine.report.ReportMarkdown;
import org.tessera.engine.report.ReportRun;
import org.tessera.engine.runs.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code tessera report}: charts made by Tessera itself (PNG + SVG, headless JFreeChart) and a report.md page from
 * run folders' metrics.jsonl, optionally with the JSON of {@code analyze perplexity} / {@code analyze influence}.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Charts (PNG + SVG) and report.md from run folders: learning-vs-forgetting trajectories, "
                + "scores vs step, knowledge change per family; optionally perplexity and influence per data kind.")
public final class ReportCommand implements Callable<Integer> {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Option(names = "--runs-dir", description = "runs folder (default: runs/ in the project)")
    Path runsDir;

    @Option(names = "--runs", split = ",", description = "runs to include, by experiment name or folder name, "
            + "comma-separated (default: every run folder)")
    List<String> runs;

    @Option(names = "--out", required = true, description = "output folder (created if needed)")
    Path out;

    @Option(names = "--perplexity", description = "JSON printed by `tessera analyze perplexity ... --json`")
    Path perplexity;

    @Option(names = "--influence", description = "JSON printed by `tessera analyze influence ... --json`")
    Path influence;

    @Override
    public Integer call() {
        Path dir = runsDir != null ? runsDir : Runs.defaultRunsDir();
        Report.Result r = Report.write(dir, runs, out, perplexity, influence);
        for (ReportRun run : r.runs()) {
            System.out.printf("%-28s %-24s step %6d  jigsaw exact %s  knowledge %s -> %s%n", run.label(),
                    run.method(), run.last().step(), ReportMarkdown.fmt(run.last().jigsawExact(), "%.3f"),
                    ReportMarkdown.fmt(run.base() == null ? Double.NaN : run.base().knowledgeAverage(), "%.3f"),
                    ReportMarkdown.fmt(run.last().knowledgeAverage(), "%.3f"));
        }
        r.skipped().forEach(s -> System.out.println("skipped " + s));
        System.out.printf("wrote %d files to %s (open %s)%n", r.files().size(), out, out.resolve("report.md"));
        return 0;
    }
}
