package org.tessera.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.engine.runs.events.RunEvents;

/**
 * An eval event of a run measured on benchmark files (docs/benchmarks.md): families named by benchmark, with a
 * {@code null} choice for benchmarks without options, become the dashboard's per-family series unchanged.
 */
class RunMetricsBenchmarksTest {
    @Test
    void benchmarkFamiliesBecomeSeriesAndNullChoicesAreLeftOut() throws Exception {
        String event = """
                {"step": 20, "event": "eval", "eval": {"jigsaw": {"exact": 0.1},
                 "knowledge": {"suite": "knowledge", "model": "m", "families": {
                   "MMBench_DEV_EN_V1.1": {"accuracy": 0.5, "format": 1.0, "choice": 0.25, "nll": 2.0, "n": 4},
                   "RefCOCO": {"accuracy": 0.0, "format": 0.5, "choice": null, "nll": 9.0, "n": 4}},
                  "average": {"accuracy": 0.25, "format": 0.75, "choice": 0.25, "nll": 5.5}}}}
                """;
        RunMetrics m = new RunMetrics();
        m.add(List.of(RunEvents.read(new ObjectMapper().readTree(event)).orElseThrow()));
        double[] point = m.get("family.MMBench_DEV_EN_V1.1.accuracy").get(0); // a dotted benchmark name
        assertEquals(20.0, point[0]);
        assertEquals(0.5, point[1]);
        assertEquals(0.0, m.get("family.RefCOCO.accuracy").get(0)[1]);
        assertTrue(m.get("family.RefCOCO.choice").isEmpty(), "no options, no choice series");
        assertEquals(0.25, m.get("knowledge.choice").get(0)[1]);
        assertEquals(0.1, m.get("tradeoff.accuracy").get(0)[0]);
    }
}
