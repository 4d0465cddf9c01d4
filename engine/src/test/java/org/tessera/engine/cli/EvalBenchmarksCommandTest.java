package org.tessera.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.testing.StdStreams;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code eval --suite benchmarks} on the test folder (benchmarks-demo --n 6 --malformed) with a Qwen2.5-VL fixture
 * and the shipped tiny model: per-benchmark scores in the world suite's shape and every skipped row by file and line.
 * Scores are not asserted (they belong to the models), only that they are there and in range.
 */
class EvalBenchmarksCommandTest {
    @RegisterExtension
    final StdStreams std = new StdStreams();

    static Path folder() throws Exception {
        return Path.of(EvalBenchmarksCommandTest.class.getResource("/benchmarks/MMStar-demo.tsv").toURI()).getParent();
    }

    private JsonNode evalJson(Path model) throws Exception {
        int rc = new CommandLine(new EvalCommand()).execute("--model", model.toString(), "--suite", "benchmarks",
                "--benchmarks", folder().toString(), "--json");
        assertEquals(0, rc, std.err());
        return new ObjectMapper().readTree(std.out());
    }

    private static void checkShape(JsonNode r) {
        assertEquals("knowledge", r.get("suite").asText());
        List<String> names = new ArrayList<>();
        r.get("families").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("DocVQA-demo", "MMStar-demo", "POPE-demo", "RefCOCO-demo"), names);
        for (String name : names) {
            JsonNode f = r.get("families").get(name);
            assertEquals(6, f.get("n").asInt(), name);
            for (String m : List.of("accuracy", "format")) {
                double v = f.get(m).asDouble(-1);
                assertTrue(v >= 0 && v <= 1, name + "." + m + " = " + v);
            }
            assertTrue(f.get("nll").asDouble() > 0 || f.get("nll").asDouble() == 0, name);
            boolean options = name.equals("MMStar-demo") || name.equals("POPE-demo");
            assertEquals(options, f.get("choice").isNumber(), name + ".choice = " + f.get("choice"));
        }
        assertEquals("grounding", r.at("/benchmarks/RefCOCO-demo/kind").asText());
        List<String> skipped = new ArrayList<>();
        r.get("skipped").forEach(s -> skipped.add(s.asText()));
        assertEquals(10, skipped.size(), skipped.toString());
        for (String where : List.of("DocVQA-demo.jsonl:7:", "DocVQA-demo.jsonl:8:", "DocVQA-demo.jsonl:9:",
                "MMStar-demo.tsv:8:", "MMStar-demo.tsv:9:", "MMStar-demo.tsv:10:", "POPE-demo.tsv:8:",
                "POPE-demo.tsv:9:", "RefCOCO-demo.tsv:8:", "RefCOCO-demo.tsv:9:")) {
            assertTrue(skipped.stream().anyMatch(s -> s.contains(where)), where + " in " + skipped);
        }
    }

    @Test
    void qwenFixture() throws Exception {
        JsonNode r = evalJson(QwenCliTest.fixture());
        checkShape(r);
        assertEquals(false, r.at("/answer_convention/answer_tags").asBoolean());
    }

    @Test
    void shippedTinyModel() throws Exception {
        JsonNode r = evalJson(Path.of("../assets/models/tessera-tiny"));
        checkShape(r);
        assertEquals(true, r.at("/answer_convention/answer_tags").asBoolean());
    }

    @Test
    void theTableNamesSkippedRowsOnStderr() throws Exception {
        int rc = new CommandLine(new EvalCommand()).execute("--model", QwenCliTest.fixture().toString(), "--suite",
                "benchmarks", "--benchmarks", folder().toString(), "--n", "2");
        assertEquals(0, rc, std.err());
        assertTrue(std.out().contains("RefCOCO-demo") && std.out().contains("average"), std.out());
        assertTrue(std.err().contains("skipped " + folder().resolve("POPE-demo.tsv") + ":8: the answer 'maybe' is not yes or no"),
                std.err());
    }

    @Test
    void aMissingFolderOrFlagIsAClearError(@TempDir Path tmp) throws Exception {
        int rc = new CommandLine(new EvalCommand()).execute("--model", QwenCliTest.fixture().toString(), "--suite",
                "benchmarks");
        assertEquals(2, rc);
        assertTrue(std.err().contains("--suite benchmarks needs --benchmarks DIR"), std.err());
        rc = new CommandLine(new EvalCommand()).execute("--model", QwenCliTest.fixture().toString(), "--suite",
                "benchmarks", "--benchmarks", tmp.resolve("none").toString());
        assertEquals(2, rc);
        assertTrue(std.err().contains("does not exist"), std.err());
    }

    @Test
    void aFolderWhoseEveryRowIsSkippedFailsInsteadOfScoringZero(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("MMStar.tsv"), "index\timage\tquestion\tA\tB\tanswer\tcategory\n"
                + "1\tnot-base64\tWhich?\tx\ty\tA\tc\n" + "2\t\tWhich?\tx\ty\tB\tc\n");
        int rc = new CommandLine(new EvalCommand()).execute("--model", "../assets/models/tessera-tiny", "--suite",
                "benchmarks", "--benchmarks", tmp.toString(), "--json");
        assertEquals(2, rc, std.err());
        assertTrue(std.err().contains("skipped " + tmp.resolve("MMStar.tsv") + ":2:"), std.err());
        assertTrue(std.err().contains("skipped " + tmp.resolve("MMStar.tsv") + ":3:"), std.err());
        assertTrue(std.err().contains("every row was skipped"), std.err());
        assertEquals("", std.out().strip());
    }

    @Test
    void theDemoCommandIsReproducible(@TempDir Path tmp) throws Exception {
        for (String d : List.of("a", "b")) {
            assertEquals(0, new CommandLine(new BenchmarksDemoCommand()).execute("--out", tmp.resolve(d).toString(),
                    "--n", "5", "--seed", "4", "--malformed"));
        }
        for (String f : List.of("MMStar-demo.tsv", "POPE-demo.tsv", "RefCOCO-demo.tsv", "DocVQA-demo.jsonl",
                "images/DocVQA-demo-4.png")) {
            assertEquals(-1L, Files.mismatch(tmp.resolve("a").resolve(f), tmp.resolve("b").resolve(f)), f);
        }
    }
}
