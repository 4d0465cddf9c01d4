package org.tessera.app.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tessera.app.rollouts.RolloutLog;
import org.tessera.engine.runs.MetricsFollower;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.RunEvents;

/** The workbench's readers of a run folder read the contract's golden folder (docs/contracts/golden/run). */
class RunContractReadersTest {
    static final Path GOLDEN = Path.of("../docs/contracts/golden/run");

    @Test
    void theDashboardsSeriesComeFromTheGoldenMetrics() throws Exception {
        List<RunEvent> events = new ArrayList<>();
        for (JsonNode line : new MetricsFollower(GOLDEN.resolve("metrics.jsonl")).poll()) {
            events.add(RunEvents.read(line).orElseThrow(() -> new AssertionError("unread golden line: " + line)));
        }
        RunMetrics m = new RunMetrics();
        m.add(events);
        assertEquals(List.of(0.0, 2.0, 4.0), m.get("jigsaw.exact").stream().map(p -> p[0]).toList());
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), m.get("loss").stream().map(p -> p[0]).toList(),
                "GRPO and SFT steps alike");
        assertEquals(List.of(0.0, 4.0), m.get("family.vqa.choice").stream().map(p -> p[0]).toList(),
                "the chart leaves the non-finite choice at step 2 out: a gap, not a zero");
        assertEquals(3, m.get("kl_task").size());
        assertEquals(List.of(1.0, 2.0), m.get("reward_mean").stream().map(p -> p[0]).toList(),
                "every number of a GRPO step is a series by its field name");
        assertEquals(40.0, m.get("jigsaw.n").get(0)[1]);
    }

    @Test
    void theRolloutsViewReadsTheGoldenGroups() throws Exception {
        RolloutLog log = RolloutLog.read(new RunFolder(GOLDEN));
        assertEquals(2, log.groups().size());
        assertEquals(0, log.skippedLines());
    }
}
