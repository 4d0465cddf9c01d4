package org.tessera.engine.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.config.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** eval.knowledge_suite and eval.benchmarks: default, validation, and the folder check at launch. */
class ExperimentKnowledgeSuiteTest {
    private static String withEval(String eval) {
        return ExperimentLoaderTest.VALID.replace("\"eval\": {\"every\": 5}", "\"eval\": " + eval);
    }

    @Test
    void theWorldIsTheDefault() {
        Experiment e = ExperimentLoader.parse(ExperimentLoaderTest.VALID, Path.of("t.json"));
        assertEquals("world", e.eval().knowledgeSuite());
        assertFalse(e.eval().usesBenchmarks());
        assertTrue(ExperimentLoader.toJson(e).contains("\"knowledge_suite\" : \"world\""));
    }

    @Test
    void benchmarksNeedAFolderAndAFolderNeedsBenchmarks() {
        assertEquals(List.of(new Problem("$.eval.benchmarks", "required when knowledge_suite is \"benchmarks\" (a "
                        + "folder of VLMEvalKit .tsv or .jsonl files)")),
                ExperimentLoader.problems(withEval("{\"every\": 5, \"knowledge_suite\": \"benchmarks\"}")));
        assertEquals("$.eval.benchmarks", ExperimentLoader.problems(withEval(
                "{\"every\": 5, \"benchmarks\": \"assets/benchmarks-demo\"}")).get(0).path());
        assertEquals("$.eval.knowledge_suite", ExperimentLoader.problems(withEval(
                "{\"every\": 5, \"knowledge_suite\": \"mmlu\"}")).get(0).path());
        Experiment e = ExperimentLoader.parse(withEval("{\"every\": 5, \"knowledge_suite\": \"benchmarks\", "
                + "\"benchmarks\": \"assets/benchmarks-demo\", \"knowledge_n\": 8}"), Path.of("t.json"));
        assertTrue(e.eval().usesBenchmarks());
        assertEquals("assets/benchmarks-demo", e.eval().benchmarks());
        assertEquals(8, e.eval().knowledgeN());
        assertEquals(e, ExperimentLoader.parse(ExperimentLoader.toJson(e), Path.of("resolved.json")));
    }

    @Test
    void aMissingBenchmarkFolderIsRefusedAtLaunch(@TempDir Path root) throws Exception {
        Path model = Files.createDirectories(root.resolve("assets/models/tessera-tiny"));
        Files.writeString(model.resolve("config.json"), "{\"architecture\": \"tessera-tiny-vlm\"}");
        Experiment e = ExperimentLoader.parse(withEval("{\"every\": 5, \"knowledge_suite\": \"benchmarks\", "
                + "\"benchmarks\": \"bench\"}"), Path.of("t.json"));
        List<Problem> p = ExperimentPaths.problems(e, root);
        assertEquals(1, p.size(), p.toString());
        assertEquals("$.eval.benchmarks", p.get(0).path());
        assertTrue(p.get(0).message().contains(root.resolve("bench") + " does not exist"), p.get(0).message());
        Files.createDirectories(root.resolve("bench"));
        assertEquals(List.of(), ExperimentPaths.problems(e, root));
    }
}
