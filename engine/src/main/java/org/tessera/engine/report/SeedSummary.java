package org.tessera.engine.report;

import org.tessera.engine.analysis.EvalPoint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row per condition over its seeds: runs whose experiment names differ only by a trailing {@code -s<seed>}
 * (e.g. {@code grpo-s1}, {@code grpo-s2}) are seeds of one condition. Each row gives the mean, the sample standard
 * deviation and the range over seeds of the last evaluation's jigsaw exact and hit and of the knowledge drop (step
 * 0 minus last), and each seed's first evaluated step with exact at or above a threshold, so that no conclusion
 * rests on one seed.
 */
public final class SeedSummary {
    private static final Pattern SEED_SUFFIX = Pattern.compile("-s\\d+$");
    /** The exact accuracy whose first crossing the table reports ("steps to exact >= 0.5"). */
    public static final double EXACT_THRESHOLD = 0.5;

    private SeedSummary() {
    }

    /** Mean, sample standard deviation (0 for one seed), minimum and maximum of one number over seeds. */
    public record Stat(int n, double mean, double sd, double min, double max) {
        static Stat of(List<Double> values) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).toArray();
            if (v.length == 0) {
                return new Stat(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            double mean = 0;
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double x : v) {
                mean += x / v.length;
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
            double ss = 0;
            for (double x : v) {
                ss += (x - mean) * (x - mean);
            }
            return new Stat(v.length, mean, v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0, min, max);
        }

        String text() {
            return n == 0 ? "-" : ReportMarkdown.fmt(mean, "%.3f") + " ± " + ReportMarkdown.fmt(sd, "%.3f")
                    + " (" + ReportMarkdown.fmt(min, "%.2f") + "–" + ReportMarkdown.fmt(max, "%.2f") + ")";
        }
    }

    /** A condition's row: its runs' labels, the statistics, and each seed's first step at the threshold (-1: never). */
    public record Row(String condition, List<String> runs, Stat exact, Stat hit, Stat knowledgeDrop,
                      List<Long> stepsToThreshold, List<Long> lastSteps, Map<String, Stat> familyChange) {
    }

    public static String condition(String experimentName) {
        return SEED_SUFFIX.matcher(experimentName).replaceFirst("");
    }

    public static List<Row> rows(List<ReportRun> runs) {
        Map<String, List<ReportRun>> groups = new LinkedHashMap<>();
        for (ReportRun r : runs) {
            if (!r.evals().isEmpty()) {
                groups.computeIfAbsent(condition(r.experimentName()), k -> new ArrayList<>()).add(r);
            }
        }
        List<Row> out = new ArrayList<>();
        groups.forEach((name, list) -> {
            List<Double> exact = new ArrayList<>();
            List<Double> hit = new ArrayList<>();
            List<Double> drop = new ArrayList<>();
            List<Long> firstAt = new ArrayList<>();
            List<Long> last = new ArrayList<>();
            Map<String, List<Double>> fam = new LinkedHashMap<>();
            for (ReportRun r : list) {
                EvalPoint end = r.last();
                EvalPoint base = r.base();
                exact.add(end.jigsawExact());
                hit.add(end.jigsawHit());
                drop.add(base == null ? Double.NaN : base.knowledgeAverage() - end.knowledgeAverage());
                firstAt.add(r.evals().stream().filter(e -> e.jigsawExact() >= EXACT_THRESHOLD)
                        .mapToLong(EvalPoint::step).findFirst().orElse(-1));
                last.add(end.step());
                if (base != null) {
                    for (String f : new LinkedHashSet<>(base.familyAccuracy().keySet())) {
                        Double b = base.familyAccuracy().get(f);
                        Double e = end.familyAccuracy().get(f);
                        if (b != null && e != null) {
                            fam.computeIfAbsent(f, k -> new ArrayList<>()).add(e - b);
                        }
                    }
                }
            }
            Map<String, Stat> famStats = new LinkedHashMap<>();
            fam.forEach((f, v) -> famStats.put(f, Stat.of(v)));
            out.add(new Row(name, list.stream().map(ReportRun::label).toList(), Stat.of(exact), Stat.of(hit),
                    Stat.of(drop), firstAt, last, famStats));
        });
        return out;
    }

    /** The markdown section: conditions over seeds, then the per-family change (mean over seeds). */
    public static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder();
        b.append("\n## Conditions over seeds\n\n");
        b.append("Runs named `<condition>-s<seed>` are grouped; each cell is mean ± sd (min–max) over the seeds. ")
                .append("Knowledge drop = knowledge accuracy at step 0 minus at the last evaluation. Steps to exact >= ")
                .append(EXACT_THRESHOLD).append(": each seed's first evaluated step at or above it.\n\n");
        b.append("| condition | seeds | last step | jigsaw exact | jigsaw hit | knowledge drop | steps to exact >= ")
                .append(EXACT_THRESHOLD).append(" |\n|---|---:|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(r.condition()).append(" | ").append(r.runs().size()).append(" | ")
                    .append(joinSteps(r.lastSteps())).append(" | ").append(r.exact().text()).append(" | ")
                    .append(r.hit().text()).append(" | ").append(r.knowledgeDrop().text()).append(" | ")
                    .append(joinSteps(r.stepsToThreshold())).append(" |\n");
        }
        LinkedHashSet<String> families = new LinkedHashSet<>();
        rows.forEach(r -> families.addAll(r.familyChange().keySet()));
        if (!families.isEmpty()) {
            b.append("\nKnowledge change per family, last evaluation minus step 0 (mean ± sd over seeds):\n\n| condition |");
            families.forEach(f -> b.append(' ').append(f).append(" |"));
            b.append("\n|---|").append("---|".repeat(families.size())).append('\n');
            for (Row r : rows) {
                b.append("| ").append(r.condition()).append(" |");
                for (String f : families) {
                    Stat s = r.familyChange().get(f);
                    b.append(' ').append(s == null ? "-" : ReportMarkdown.fmt(s.mean(), "%+.3f") + " ± "
                            + ReportMarkdown.fmt(s.sd(), "%.3f")).append(" |");
                }
                b.append('\n');
            }
        }
        return b.toString();
    }

    private static String joinSteps(List<Long> steps) {
        return String.join(", ", steps.stream().map(s -> s < 0 ? "never" : Long.toString(s)).toList());
    }
}
