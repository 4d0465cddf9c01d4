package org.tessera.engine.report;

import java.util.List;
import java.util.Locale;
import org.tessera.engine.analysis.EvalPoint;

/** The report page: the charts (PNG, SVG beside them) and a table of every run's numbers, read from its files. */
public final class ReportMarkdown {
    private ReportMarkdown() {
    }

    /**
     * @param charts chart names written (NAME.png / NAME.svg) with their captions, in page order
     */
    public static String page(String runsDir, List<ReportRun> runs, List<String> skipped, List<String[]> charts) {
        StringBuilder b = new StringBuilder();
        b.append("# Tessera report\n\n");
        b.append("Runs folder: `").append(runsDir).append("`. Every number below is read from the runs' ")
                .append("`metrics.jsonl` (eval events); step 0 is the base model.\n\n");
        b.append("| run | folder | method | state | last eval step | wall s | jigsaw exact | jigsaw hit |"
                + " knowledge @ step 0 | knowledge @ end | change |\n");
        b.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (ReportRun r : runs) {
            EvalPoint last = r.last();
            EvalPoint base = r.base();
            double at0 = base == null ? Double.NaN : base.knowledgeAverage();
            b.append("| ").append(r.label()).append(" | `").append(r.folder()).append("` | ").append(r.method())
                    .append(" | ").append(r.state()).append(" | ").append(last.step()).append(" | ")
                    .append(fmt(last.wallSeconds(), "%.1f")).append(" | ").append(fmt(last.jigsawExact(), "%.3f"))
                    .append(" | ").append(fmt(last.jigsawHit(), "%.3f")).append(" | ").append(fmt(at0, "%.3f"))
                    .append(" | ").append(fmt(last.knowledgeAverage(), "%.3f")).append(" | ")
                    .append(fmt(last.knowledgeAverage() - at0, "%+.3f")).append(" |\n");
        }
        if (!skipped.isEmpty()) {
            b.append("\nSkipped: ");
            b.append(String.join("; ", skipped.stream().map(s -> "`" + s + "`").toList())).append(".\n");
        }
        b.append(SeedSummary.markdown(SeedSummary.rows(runs)));
        for (String[] c : charts) {
            b.append("\n## ").append(c[1]).append("\n\n![").append(c[1]).append("](").append(c[0]).append(".png)\n\n")
                    .append("SVG: [").append(c[0]).append(".svg](").append(c[0]).append(".svg)\n");
        }
        return b.toString();
    }

    public static String fmt(double v, String format) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "-";
    }
}
