package org.tessera.engine.report;

import java.nio.file.Path;
import java.util.List;
import org.tessera.engine.analysis.EvalPoint;

/**
 * One run as the report shows it: its label (the experiment's name, or the folder's when two selected runs share a
 * name), its folder, method, state and evaluation events in step order.
 */
public record ReportRun(String label, Path dir, String experimentName, String method, String state,
                        List<EvalPoint> evals) {
    public String folder() {
        return dir.getFileName().toString();
    }

    /** The step-0 evaluation (the base model), or null. */
    public EvalPoint base() {
        return evals.stream().filter(e -> e.step() == 0).findFirst().orElse(null);
    }

    /** The last evaluation (highest step). */
    public EvalPoint last() {
        return evals.get(evals.size() - 1);
    }

    ReportRun withLabel(String newLabel) {
        return new ReportRun(newLabel, dir, experimentName, method, state, evals);
    }
}
