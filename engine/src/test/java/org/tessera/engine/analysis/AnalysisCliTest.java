package org.tessera.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tessera.engine.testing.StdStreams;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.cli.TesseraCli;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tessera analyze ...} end to end on a tiny model and a hand-written run folder. */
class AnalysisCliTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StdStreams std = new StdStreams();


    private Path runFolder(Path model, String rolloutsText) throws Exception {
        Path run = Files.createDirectories(dir.resolve("runs").resolve("r1"));
        Files.writeString(run.resolve("experiment.json"), "{\"schema\": 1, \"name\": \"r1\", \"base_model\": \""
                + model.toAbsolutePath() + "\", \"seed\": 1, \"task\": {\"grid\": \"2x2\", \"source\": \"procedural\","
                + " \"prompt\": \"answer-only\", \"train_size\": 40, \"test_size\": 4}, \"method\": {\"kind\": \"grpo\","
                + " \"steps\": 4, \"lr\": 0.001, \"grpo\": {\"group_size\": 2, \"prompts_per_step\": 1}},"
                + " \"eval\": {\"every\": 2}, \"checkpoint\": {\"every\": 2}}");
        Files.writeString(run.resolve("rollouts.jsonl"), rolloutsText);
        return run.resolve("rollouts.jsonl");
    }

    @Test
    void perplexityOfAnswersAndOfARunsRolloutsByStep() throws Exception {
        Path model = AnalysisFixtures.saveModel(dir.resolve("model"));
        String step7 = AnalysisDataFilesTest.GOOD.replace("\"step\": 3", "\"step\": 7");
        Path rollouts = runFolder(model, AnalysisDataFilesTest.GOOD + "\n" + step7 + "\n");
        int rc = TesseraCli.execute("analyze", "perplexity", "--model", model.toString(), "--rollouts",
                rollouts.toString(), "--n", "3", "--json");
        assertEquals(0, rc, std.err());
        JsonNode j = new ObjectMapper().readTree(std.out());
        assertEquals("answer-only", j.at("/kinds/0/kind").asText());
        assertEquals(3, j.at("/kinds/0/n").asInt());
        assertEquals("rollouts", j.at("/kinds/2/kind").asText());
        assertEquals(3, j.at("/kinds/2/n").asInt(), "3 of the 4 logged samples (--n 3)");
        assertEquals("rollouts-exact", j.at("/kinds/3/kind").asText());
        assertEquals(2, j.at("/kinds/3/n").asInt());
        assertTrue(j.at("/kinds/0/perplexity/median").asDouble() > 1);
        assertEquals(2, j.at("/steps").size());
        assertEquals(7, j.at("/steps/1/step").asLong());
    }

    @Test
    void influenceReportsEveryKindWithMeasuredSteps() throws Exception {
        Path model = AnalysisFixtures.saveModel(dir.resolve("model"));
        int rc = TesseraCli.execute("analyze", "influence", "--model", model.toString(), "--data", "answer-only",
                "--n", "2", "--probe-n", "3", "--actual-n", "1", "--eta", "1e-4", "--json");
        assertEquals(0, rc, std.err());
        JsonNode j = new ObjectMapper().readTree(std.out());
        assertEquals(3, j.get("probes").asInt());
        JsonNode k = j.at("/kinds/0");
        assertEquals("answer-only", k.get("group").asText());
        assertEquals(2, k.get("n").asInt());
        assertEquals(1, k.get("nActual").asInt());
        assertTrue(k.get("signAgreement").asDouble() > 0.6, k.toString());
        assertTrue(k.get("meanEntkLowerBound").asDouble() > 0, k.toString());
    }

    @Test
    void anEmptyRolloutsFileFailsWithAMessageNamingIt() throws Exception {
        Path rollouts = runFolder(dir.resolve("model"), "");
        int rc = TesseraCli.execute("analyze", "perplexity", "--rollouts", rollouts.toString());
        assertEquals(1, rc);
        assertTrue(std.err().contains(rollouts + ": no rollouts (the file is empty)"), std.err());
    }

    @Test
    void aMalformedRolloutsLineFailsWithFileAndLine() throws Exception {
        Path rollouts = runFolder(dir.resolve("model"), AnalysisDataFilesTest.GOOD + "\n{oops\n"
                + AnalysisDataFilesTest.GOOD + "\n");
        int rc = TesseraCli.execute("analyze", "influence", "--rollouts", rollouts.toString());
        assertEquals(1, rc);
        assertTrue(std.err().contains(rollouts + ":2: not valid JSON"), std.err());
    }

    @Test
    void rolloutKindsWithoutARolloutsFileAreRefused() {
        int rc = TesseraCli.execute("analyze", "perplexity", "--data", "rollouts-exact");
        assertEquals(1, rc);
        assertTrue(std.err().contains("needs --rollouts"), std.err());
    }

    @Test
    void klTableOverRunFolders() throws Exception {
        Path runs = dir.resolve("runs");
        AnalysisKlTest.run(runs, "g", "{\"kind\": \"grpo\"}", AnalysisKlTest.eval(0, 0, 0, 0.8, 0),
                AnalysisKlTest.eval(4, 0.1, 0.02, 0.78, 0.2));
        int rc = TesseraCli.execute("analyze", "kl", "--runs-dir", runs.toString());
        assertEquals(0, rc, std.err());
        String text = std.out();
        assertTrue(text.contains("grpo") && text.contains("-0.020"), text);
    }
}
