package org.tessera.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;
import org.tessera.engine.train.JsonlFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short SFT run whose experiment measures retained knowledge on benchmark files (the test folder, given relative
 * to the project root as an experiment would): every eval event holds one family per benchmark, in the suite's
 * shape, and the worker's log names the skipped rows.
 */
class BenchmarkRunTest {
    @Test
    void everyEvaluationLogsTheBenchmarkFamilies(@TempDir Path tmp) throws Exception {
        Path model = TinyRunFixture.saveModel(tmp.resolve("model"));
        Path folder = Path.of(BenchmarkRunTest.class.getResource("/benchmarks/MMStar-demo.tsv").toURI()).getParent();
        Path root = tmp.resolve("root");
        Files.createDirectories(root);
        Files.createSymbolicLink(root.resolve("bench"), folder);
        String json = TinyRunFixture.experiment(model, "sft", 6).replace("\"knowledge_n\": 1,",
                "\"knowledge_n\": 3, \"knowledge_suite\": \"benchmarks\", \"benchmarks\": \"bench\",")
                .replace("\"every\": 6,", "\"every\": 3,");
        Experiment e = ExperimentLoader.parse(json, Path.of("bench-run.json"));
        RunFolder f = RunManager.createFolder(tmp.resolve("runs"), e);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(log, true));
        int rc;
        try {
            rc = new RunWorker(() -> new JigsawMethod(KnowledgeSetups.fromExperiment(root), root)).run(f.dir());
        } finally {
            System.setErr(old);
        }
        assertEquals(0, rc, f.info().message());
        List<Long> steps = new ArrayList<>();
        for (JsonNode ev : JsonlFiles.read(f.metricsFile())) {
            if (!ev.path("event").asText().equals("eval")) {
                continue;
            }
            steps.add(ev.get("step").asLong());
            JsonNode k = ev.at("/eval/knowledge");
            List<String> names = new ArrayList<>();
            k.get("families").fieldNames().forEachRemaining(names::add);
            assertEquals(List.of("DocVQA-demo", "MMStar-demo", "POPE-demo", "RefCOCO-demo"), names);
            assertEquals(3, k.at("/families/MMStar-demo/n").asInt());
            assertTrue("NaN".equals(k.at("/families/RefCOCO-demo/choice").asText()), k.toString());
            assertTrue(k.at("/average/accuracy").isNumber() && ev.at("/eval/kl_knowledge").isNumber(), ev.toString());
        }
        assertEquals(List.of(0L, 3L, 6L), steps);
        RunContractTest.validRunFolder(f.dir()); // the non-finite choice in its contract spelling
        assertTrue(log.toString().contains("knowledge suite: benchmarks in " + root.resolve("bench")), log.toString());
        assertTrue(log.toString().contains("skipped " + root.resolve("bench").resolve("POPE-demo.tsv") + ":8:"),
                log.toString());
    }
}
