package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.KnowledgeSuite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a window needs from the analysis: data kinds by name, per-sample progress and a way to stop. */
class AnalysisMonitorTest {
    @TempDir
    Path dir;

    @Test
    void samplesByKindNameAreTheKindsOwnSamples() throws Exception {
        Path rollouts = dir.resolve("run").resolve("rollouts.jsonl");
        Files.createDirectories(rollouts.getParent());
        Files.writeString(rollouts.getParent().resolve("experiment.json"), "{\"schema\": 1, \"name\": \"r\", "
                + "\"base_model\": \"m\", \"seed\": 1, \"task\": {\"grid\": \"2x2\", \"source\": \"procedural\", "
                + "\"prompt\": \"answer-only\", \"train_size\": 40, \"test_size\": 4}, \"method\": {\"kind\": \"grpo\","
                + " \"steps\": 4, \"lr\": 0.001, \"grpo\": {\"group_size\": 2, \"prompts_per_step\": 1}}, "
                + "\"eval\": {\"every\": 2}, \"checkpoint\": {\"every\": 2}}");
        Files.writeString(rollouts, AnalysisDataFilesTest.GOOD + "\n");
        List<RolloutsFile.Group> groups = RolloutsFile.read(rollouts);
        TrainingSets sets = TrainingSets.ofRun(rollouts, org.tessera.engine.jigsaw.PromptWording.WORLD);

        assertEquals(texts(sets.answerOnly(3)), texts(sets.samples("answer-only", List.of(), 3)));
        assertEquals(texts(sets.teacher(2)), texts(sets.samples("teacher-reasoning", List.of(), 2)));
        assertEquals(2, sets.samples("rollouts", groups, 5).size(), "both logged samples");
        List<DataSample> exact = sets.samples("rollouts-exact", groups, 5);
        assertEquals(1, exact.size());
        assertEquals("rollouts-exact", exact.get(0).kind());
        assertEquals(3, exact.get(0).step());

        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> sets.samples("answers", groups, 1));
        assertTrue(unknown.getMessage().contains("unknown data kind 'answers'"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sets.samples("answer-only", groups, 0));
        TrainingSets procedural = TrainingSets.procedural(Grid.parse("2x2"), 1, org.tessera.engine.jigsaw.PromptWording.WORLD);
        assertThrows(IllegalStateException.class, () -> procedural.samples("rollouts", groups, 1));
    }

    @Test
    void theMonitorSeesEverySampleAndCanStopBetweenSamples() {
        try (TinyVlm model = AnalysisFixtures.model(11)) {
            List<TrainingExample> probes = InfluenceAnalysis.knowledgeProbes(2, KnowledgeSuite.DEFAULT_SEED);
            List<DataSample> train = TrainingSets.procedural(Grid.parse("2x2"), 3, org.tessera.engine.jigsaw.PromptWording.WORLD).answerOnly(3);
            try (InfluenceProbe<TrainingExample> probe = new InfluenceProbe<>(new VlmLogProbModel(model), probes)) {
                double[] before = probe.logProbs(probes);
                List<String> seen = new ArrayList<>();
                InfluenceAnalysis all = new InfluenceAnalysis(probe, 1e-4,
                        (group, done, total, detail) -> seen.add(group + " " + done + "/" + total));
                assertEquals(3, all.group("answer-only", train, 1).n());
                assertEquals(List.of("answer-only 1/3", "answer-only 2/3", "answer-only 3/3"), seen);

                List<Integer> done = new ArrayList<>();
                InfluenceAnalysis stopping = new InfluenceAnalysis(probe, 1e-4, new org.tessera.engine.jobs.JobMonitor() {
                    @Override
                    public void progress(String group, long n, long total, String detail) {
                        done.add((int) n);
                    }

                    @Override
                    public boolean cancelled() {
                        return done.size() == 1;
                    }
                });
                CancellationException stop = assertThrows(CancellationException.class,
                        () -> stopping.group("answer-only", train, 3));
                assertEquals(List.of(1), done, "stopped before the second sample");
                assertTrue(stop.getMessage().contains("1/3"), stop.getMessage());
                assertArrayEquals(before, probe.logProbs(probes), 0.0, "a stop leaves the weights as they were");
            }
        }
    }

    /** Kind, prompt text and target of each sample (images compare by identity). */
    private static List<String> texts(List<DataSample> samples) {
        return samples.stream().map(s -> s.kind() + "|" + s.example().prompt().text() + "|" + s.example().target())
                .toList();
    }
}
