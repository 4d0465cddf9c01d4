package org.tessera.app.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunState;

/** The status bar's live line about runs: "Runs: 1 running (step 12 / 80), 1 queued, 7 finished". */
final class RunsSummary {
    private RunsSummary() {
    }

    static String of(Collection<RunInfo> runs) {
        if (runs.isEmpty()) {
            return "No runs yet.";
        }
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        RunInfo running = null;
        for (RunInfo r : runs) {
            counts.merge(r.state(), 1, Integer::sum);
            if (r.state() == RunState.RUNNING && (running == null || r.updatedMs() > running.updatedMs())) {
                running = r;
            }
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<RunState, Integer> e : counts.entrySet()) {
            String part = e.getValue() + " " + e.getKey().id();
            if (e.getKey() == RunState.RUNNING && running != null && e.getValue() == 1) {
                part += " (" + running.name() + ", step " + running.step() + " / " + running.totalSteps() + ")";
            }
            parts.add(part);
        }
        return "Runs: " + String.join(", ", parts) + ".";
    }
}
