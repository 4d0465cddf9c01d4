package org.tessera.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.analysis.EvalPoint;
import org.tessera.engine.analysis.MetricsReader;
import org.tessera.engine.analysis.RolloutsFile;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;
import org.tessera.engine.train.JsonlWriter;
import org.tessera.engine.io.TesseraJson;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.train.TrainerCheckpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run-folder contract (docs/contracts): the golden folder validates against the schemas and every engine reader
 * reads it; every file a real run writes validates too, so renaming or misspelling a field the writer writes fails
 * here; non-finite numbers keep their one spelling through writer and reader.
 */
class RunContractTest {
    static final Path CONTRACTS = Path.of("../docs/contracts");
    static final Path GOLDEN = CONTRACTS.resolve("golden/run");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = registry();

    @TempDir
    static Path tmp;

    private static SchemaRegistry registry() {
        // the schemas' $ids are https://tessera.local/contracts/...: served from the folder, never fetched
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, b -> b.schemas(iri -> {
            String prefix = "https://tessera.local/contracts/";
            if (!iri.startsWith(prefix)) {
                return null;
            }
            try {
                return Files.readString(CONTRACTS.resolve(iri.substring(prefix.length()).replaceFirst("#.*", "")));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
    }

    private static Schema schema(String name) {
        return REGISTRY.getSchema(SchemaLocation.of("https://tessera.local/contracts/" + name));
    }

    private static void valid(String schemaName, JsonNode node, String where) {
        List<Error> errors = schema(schemaName).validate(node);
        assertTrue(errors.isEmpty(), where + " against " + schemaName + ": " + errors);
    }

    private static void validFile(String schemaName, Path file) throws IOException {
        valid(schemaName, JSON.readTree(file.toFile()), file.toString());
    }

    private static void validLines(String schemaName, Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertFalse(lines.isEmpty(), file + " is empty");
        for (int i = 0; i < lines.size(); i++) {
            valid(schemaName, JSON.readTree(lines.get(i)), file + ":" + (i + 1));
        }
    }

    /** Every file of a run folder against its schema. */
    static void validRunFolder(Path dir) throws IOException {
        validFile("experiment.schema.json", dir.resolve("experiment.json"));
        validFile("run.schema.json", dir.resolve("run.json"));
        validFile("control.schema.json", dir.resolve("control.json"));
        validLines("metrics-event.schema.json", dir.resolve("metrics.jsonl"));
        if (Files.isRegularFile(dir.resolve("rollouts.jsonl"))) {
            validLines("rollout-group.schema.json", dir.resolve("rollouts.jsonl"));
        }
        for (String harvest : List.of("harvest.jsonl", "sft-data.jsonl")) {
            if (Files.isRegularFile(dir.resolve(harvest)) && Files.size(dir.resolve(harvest)) > 0) {
                validLines("harvested-rollout.schema.json", dir.resolve(harvest));
            }
        }
        validFile("heartbeat.schema.json", dir.resolve("heartbeat.json"));
        if (Files.isRegularFile(dir.resolve("notes.json"))) {
            validFile("notes.schema.json", dir.resolve("notes.json"));
        }
        try (Stream<Path> checkpoints = Files.list(dir.resolve("checkpoints"))) {
            for (Path c : checkpoints.toList()) {
                validFile("checkpoint-state.schema.json", c.resolve("state.json"));
            }
        }
    }

    /** The files a run folder may hold, each covered by a schema above (or free text: worker.log). */
    static final java.util.Set<String> KNOWN_FILES = java.util.Set.of("experiment.json", "run.json", "control.json",
            "metrics.jsonl", "rollouts.jsonl", "harvest.jsonl", "sft-data.jsonl", "heartbeat.json", "notes.json",
            "checkpoints", "worker.log", "claimed");

    /** A file a writer adds to run folders without a schema (and a row in docs/contracts/README.md) fails here. */
    static void onlyKnownFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> unknown = files.map(f -> f.getFileName().toString())
                    .filter(name -> !KNOWN_FILES.contains(name)).toList();
            assertTrue(unknown.isEmpty(), dir + " holds files the contract does not cover: " + unknown);
        }
    }

    @Test
    void theGoldenRunFolderValidates() throws IOException {
        validRunFolder(GOLDEN);
        onlyKnownFiles(GOLDEN);
        assertTrue(Files.size(GOLDEN.resolve("harvest.jsonl")) > 0 && Files.size(GOLDEN.resolve("sft-data.jsonl")) > 0,
                "the golden folder holds both harvest files");
        try (Stream<String> lines = Files.lines(GOLDEN.resolve("metrics.jsonl"))) {
            assertEquals(List.of("eval", "train", "train", "eval", "harvest", "train", "train", "eval"),
                    lines.map(l -> {
                        try {
                            return JSON.readTree(l).path("event").asText();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).toList(), "the golden folder holds every kind of event");
        }
    }

    @Test
    void everyEngineReaderReadsTheGoldenFolder() {
        RunFolder f = new RunFolder(GOLDEN);
        RunInfo info = f.readInfo().orElseThrow();
        assertEquals(RunState.FINISHED, info.state());
        assertEquals("step-0000004", info.lastCheckpoint());
        assertEquals(new RunControl(false, false), f.readControl());
        assertEquals("golden", RunNotes.read(GOLDEN).label());
        Experiment e = ExperimentLoader.load(GOLDEN.resolve("experiment.json"));
        assertEquals("rft-then-sft", e.method().kind());
        List<EvalPoint> evals = MetricsReader.evals(f.metricsFile());
        assertEquals(List.of(0L, 2L, 4L), evals.stream().map(EvalPoint::step).toList());
        assertEquals(0.0391, evals.get(1).klTask(), 0.0);
        List<RolloutsFile.Group> groups = RolloutsFile.read(f.rolloutsFile());
        assertEquals(2, groups.size());
        assertEquals(3, groups.get(0).samples().size());
        assertEquals(4, TrainerCheckpoint.readState(GOLDEN.resolve("checkpoints/step-0000004")).step());
        List<JsonNode> followed = new ArrayList<>();
        try {
            followed.addAll(new MetricsFollower(f.metricsFile()).poll());
        } catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
        assertEquals(8, followed.size());
        EvalEvent fourth = (EvalEvent) RunEvents.read(followed.get(3)).orElseThrow();
        assertTrue(Double.isNaN(fourth.eval().families().get("vqa").choice()),
                "the non-finite spelling reads back as NaN");
    }

    /** The engine's writers reproduce the golden whole-file examples field for field from what was read of them. */
    @Test
    void theWritersReproduceTheGoldenFiles() throws IOException {
        RunFolder golden = new RunFolder(GOLDEN);
        RunFolder copy = new RunFolder(Files.createDirectories(tmp.resolve("rewritten")));
        copy.writeInfo(golden.readInfo().orElseThrow());
        copy.writeControl(golden.readControl());
        RunNotes.write(copy.dir(), RunNotes.read(GOLDEN));
        for (String file : List.of("run.json", "control.json", "notes.json")) {
            assertEquals(JSON.readTree(GOLDEN.resolve(file).toFile()), JSON.readTree(copy.dir().resolve(file).toFile()),
                    file);
        }
    }

    /**
     * A GRPO and an SFT run of the fixture model (train events of both phases, evaluations, rollouts, checkpoints).
     * The harvest event of rft-then-sft is covered by the golden folder only: the untrained fixture model never
     * samples an exact answer, so its harvest would fail the run.
     */
    @Test
    void everyFileARealRunWritesValidates() throws IOException {
        Path model = TinyRunFixture.saveModel(tmp.resolve("model"));
        List<String> kinds = new ArrayList<>();
        for (String kind : List.of("grpo", "sft")) {
            Experiment e = ExperimentLoader.parse(TinyRunFixture.experiment(model, kind, 2), Path.of(kind));
            RunFolder f = RunManager.createFolder(tmp.resolve("runs-" + kind), e);
            assertEquals(0, new RunWorker(() -> new JigsawMethod(KnowledgeSetups.world(), tmp)).run(f.dir()),
                    () -> f.readInfo().map(RunInfo::message).orElse("no run.json"));
            RunNotes.write(f.dir(), new RunNotes("a label", "a note"));
            validRunFolder(f.dir());
            onlyKnownFiles(f.dir());
            for (String line : Files.readAllLines(f.metricsFile())) {
                JsonNode n = JSON.readTree(line);
                kinds.add(n.path("event").asText() + (n.has("phase") ? "/" + n.path("phase").asText() : ""));
            }
        }
        assertTrue(kinds.containsAll(List.of("eval", "train/grpo", "train/sft")), kinds.toString());
    }

    @Test
    void nonFiniteNumbersHaveOneSpellingThroughWriterAndReader() throws IOException {
        Path file = tmp.resolve("nonfinite.jsonl");
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("a", Double.NaN);
        event.put("b", Double.POSITIVE_INFINITY);
        event.put("c", Double.NEGATIVE_INFINITY);
        event.put("d", 0.5);
        new JsonlWriter(file).append(event);
        String line = Files.readString(file).strip();
        assertEquals("{\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\",\"d\":0.5}", line);
        JsonNode n = JSON.readTree(line);
        // read back as run-folder readers read numbers (TesseraJson.LENIENT)
        assertTrue(Double.isNaN(TesseraJson.LENIENT.treeToValue(n.get("a"), double.class)));
        assertEquals(Double.POSITIVE_INFINITY, TesseraJson.LENIENT.treeToValue(n.get("b"), double.class));
        assertEquals(Double.NEGATIVE_INFINITY, TesseraJson.LENIENT.treeToValue(n.get("c"), double.class));
        for (String f : List.of("a", "b", "c", "d")) {
            valid("defs.schema.json#/$defs/number", n.get(f), f);
        }
    }
}
