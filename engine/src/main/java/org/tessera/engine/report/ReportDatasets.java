package org.tessera.engine.report;

import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.tessera.engine.analysis.EvalPoint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** The data behind each chart, built from the runs (kept apart from drawing so that tests can check it). */
public final class ReportDatasets {
    private ReportDatasets() {
    }

    /** One series per run: (jigsaw exact, knowledge average) at each eval, in step order; NaN points left out. */
    public static XYSeriesCollection tradeoff(List<ReportRun> runs) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (ReportRun r : runs) {
            XYSeries s = new XYSeries(r.label(), false, true);
            for (EvalPoint e : r.evals()) {
                if (Double.isFinite(e.jigsawExact()) && Double.isFinite(e.knowledgeAverage())) {
                    s.add(e.jigsawExact(), e.knowledgeAverage());
                }
            }
            c.addSeries(s);
        }
        return c;
    }

    /** One series per run: (step, value) at each eval; NaN values left out. */
    public static XYSeriesCollection versusStep(List<ReportRun> runs, ToDoubleFunction<EvalPoint> value) {
        XYSeriesCollection c = new XYSeriesCollection();
        for (ReportRun r : runs) {
            XYSeries s = new XYSeries(r.label(), false, true);
            for (EvalPoint e : r.evals()) {
                double v = value.applyAsDouble(e);
                if (Double.isFinite(v)) {
                    s.add(e.step(), v);
                }
            }
            c.addSeries(s);
        }
        return c;
    }

    /**
     * Per family (columns, in first-seen order) and run (rows): last eval's accuracy minus step 0's. A run without a
     * step-0 eval, or a family missing at either end, has no bar.
     */
    public static DefaultCategoryDataset knowledgeChange(List<ReportRun> runs) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        Set<String> families = new LinkedHashSet<>();
        runs.forEach(r -> r.evals().forEach(e -> families.addAll(e.familyAccuracy().keySet())));
        for (ReportRun r : runs) {
            EvalPoint base = r.base();
            if (base == null) {
                continue;
            }
            EvalPoint last = r.last();
            for (String f : families) {
                Double a = base.familyAccuracy().get(f);
                Double b = last.familyAccuracy().get(f);
                if (a != null && b != null && Double.isFinite(a) && Double.isFinite(b)) {
                    d.addValue(b - a, r.label(), f);
                }
            }
        }
        return d;
    }

    /** A single-series bar dataset of one value per kind (non-finite values left out). */
    public static DefaultCategoryDataset perKind(String series, Map<String, Double> values) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        values.forEach((kind, v) -> {
            if (v != null && Double.isFinite(v)) {
                d.addValue(v, series, kind);
            }
        });
        return d;
    }
}
