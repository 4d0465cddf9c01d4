package org.tessera.engine.experiment;

import org.junit.jupiter.api.Test;
import org.tessera.engine.config.Problem;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentLoaderTest {
    static final String VALID = """
            {"schema": 1, "name": "t", "base_model": "assets/models/tessera-tiny", "seed": 3,
             "task": {"grid": "2x2", "source": "procedural", "prompt": "answer-only", "train_size": 100, "test_size": 20},
             "method": {"kind": "sft", "steps": 10, "lr": 0.001, "sft": {"data": "answer-only"}},
             "eval": {"every": 5}, "checkpoint": {"every": 5}}
            """;

    @Test
    void validFileResolvesDefaults() {
        Experiment e = ExperimentLoader.parse(VALID, Path.of("t.json"));
        assertEquals("composite", e.task().presentation());
        assertEquals(48, e.task().imageSize());
        assertEquals(3L, e.task().trainSeed());
        assertEquals(ExperimentLoader.DEFAULT_TEST_SEED, e.task().testSeed());
        assertEquals(16, e.method().batchSize());
        // the resolved form parses again to the same experiment
        assertEquals(e, ExperimentLoader.parse(ExperimentLoader.toJson(e), Path.of("resolved.json")));
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        String bad = """
                {"schema": 1, "name": "t", "base_model": 7, "seed": 3, "colour": "red",
                 "task": {"grid": "2by2", "source": "procedural", "prompt": "answer-only", "train_size": -1,
                          "test_size": 20},
                 "method": {"kind": "dpo", "steps": 10, "lr": 5, "grpo": {"group_size": 1, "prompts_per_step": 4}},
                 "eval": {"every": "often"}}
                """;
        ExperimentException e = assertThrows(ExperimentException.class, () -> ExperimentLoader.parse(bad, Path.of("bad.json")));
        List<String> paths = e.problems().stream().map(Problem::path).collect(Collectors.toList());
        for (String expected : List.of("$.base_model", "$.colour", "$.task.grid", "$.task.train_size",
                "$.method.kind", "$.method.lr", "$.method.grpo.group_size", "$.eval.every", "$.checkpoint")) {
            assertTrue(paths.contains(expected), "missing " + expected + " in " + e.problems());
        }
        assertEquals(9, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("bad.json: 9 problems"), e.getMessage());
    }

    @Test
    void contradictionsAreReported() {
        String noSft = VALID.replace(", \"sft\": {\"data\": \"answer-only\"}", "");
        assertEquals(List.of("$.method.sft"), ExperimentLoader.problems(noSft).stream().map(Problem::path).toList());
        String selfNoSource = VALID.replace("\"data\": \"answer-only\"", "\"data\": \"self-rollouts\"");
        assertEquals("$.method.sft", ExperimentLoader.problems(selfNoSource).get(0).path());
        String indivisible = VALID.replace("\"grid\": \"2x2\"", "\"grid\": \"5x5\"");
        assertEquals("$.task.image_size", ExperimentLoader.problems(indivisible).get(0).path());
        String harvestOnSft = VALID.replace("\"sft\": {", "\"harvest\": {\"puzzles\": 10}, \"sft\": {");
        assertEquals(List.of("$.method.harvest"), ExperimentLoader.problems(harvestOnSft).stream().map(Problem::path)
                .toList());
        String badHarvest = VALID.replace("\"kind\": \"sft\"", "\"kind\": \"rft-then-sft\", \"sft_steps\": 5, "
                + "\"grpo\": {\"group_size\": 4, \"prompts_per_step\": 2}, \"harvest\": {\"from\": \"log\", "
                + "\"per_answer\": -1}");
        assertEquals(List.of("$.method.harvest.from", "$.method.harvest.per_answer"),
                ExperimentLoader.problems(badHarvest).stream().map(Problem::path).sorted().toList());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        List<Problem> p = ExperimentLoader.problems("{\n  \"schema\": 1,\n  \"name\" \"x\"\n}");
        assertEquals(1, p.size());
        assertTrue(p.get(0).path().startsWith("line 3"), p.toString());
    }
}
