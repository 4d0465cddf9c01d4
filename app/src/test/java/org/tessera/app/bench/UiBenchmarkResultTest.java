package org.tessera.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's arithmetic: nearest-rank percentiles, and latencies matched per event. */
class UiBenchmarkResultTest {

    @Test
    void percentilesAreNearestRank() {
        Distribution d = Distribution.of(List.of(5.0, 1.0, 4.0, 2.0, 3.0, 10.0, 6.0, 7.0, 8.0, 9.0));
        assertEquals(10, d.n());
        assertEquals(5.0, d.quantile(0.5));
        assertEquals(10.0, d.quantile(0.95));
        assertEquals(1.0, d.quantile(0.0));
        assertEquals(10.0, d.max());
        assertTrue(Double.isNaN(Distribution.of(List.of()).max()));
        assertEquals("no samples", Distribution.of(List.of()).summary());
    }

    @Test
    void latencyIsFromAppendToChartPerEventAndUnchartedEventsAreCounted() {
        // Microseconds since the epoch: appended at 1.000 s and 2.000 s; eval:10 never reached the chart.
        Map<String, Long> appended = Map.of("train:1", 1_000_000L, "train:2", 2_000_000L, "eval:10", 2_500_000L);
        Map<String, Long> dataset = Map.of("train:1", 1_030_000L, "train:2", 2_010_000L);
        Map<String, Long> drawn = Map.of("train:1", 1_060_000L, "train:2", 2_040_000L);
        UiBenchmark.Result r = UiBenchmark.Result.of(List.of(1.0, 70.0), List.of(16.7), appended, dataset, drawn, 3);
        assertEquals(3, r.appended());
        assertEquals(2, r.appendedTrain());
        assertEquals(1, r.missing());
        assertEquals(30.0, r.toDataset().max(), 1e-9);
        assertEquals(10.0, r.toDataset().quantile(0.5), 1e-9);
        assertEquals(60.0, r.toDrawn().max(), 1e-9);
        assertEquals(70.0, r.stalls().max());
    }
}
