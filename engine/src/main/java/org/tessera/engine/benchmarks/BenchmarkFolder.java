package org.tessera.engine.benchmarks;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.config.JsonErrors;
import org.tessera.engine.config.ObjectSpec;
import org.tessera.engine.config.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A folder of benchmark files, as the user keeps them: every {@code *.tsv} (VLMEvalKit) and {@code *.jsonl} in it,
 * in file-name order, each one benchmark named after its file. An optional {@code benchmarks.json} names a file's
 * benchmark, its kind and its box format where the defaults do not fit:
 * {@code {"RefCOCO_val.tsv": {"name": "refcoco", "kind": "grounding", "box_format": "xywh"}}}.
 */
public final class BenchmarkFolder {
    public static final String MANIFEST = "benchmarks.json";
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    private BenchmarkFolder() {
    }

    /** A folder that cannot be used at all (missing, empty, broken benchmarks.json); rows never throw. */
    public static final class FolderException extends IllegalArgumentException {
        public FolderException(String message) {
            super(message);
        }
    }

    /** Every benchmark file of {@code dir}, read; a file whose every row failed is kept with its reasons. */
    public static List<Benchmark> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new FolderException("benchmark folder " + dir.toAbsolutePath() + " does not exist");
        }
        Map<String, FileSettings> settings = manifest(dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> format(p) != null).sorted().toList();
        } catch (IOException e) {
            throw new FolderException("cannot list " + dir + ": " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new FolderException("no benchmark files (*.tsv, *.jsonl) in " + dir.toAbsolutePath());
        }
        for (String named : settings.keySet()) {
            if (files.stream().noneMatch(f -> f.getFileName().toString().equals(named))) {
                throw new FolderException(dir.resolve(MANIFEST) + ": names " + named
                        + ", which is not a .tsv or .jsonl file in the folder");
            }
        }
        List<Benchmark> out = new ArrayList<>();
        Map<String, Path> names = new HashMap<>();
        for (Path f : files) {
            String fileName = f.getFileName().toString();
            FileSettings s = settings.getOrDefault(fileName, FileSettings.defaults(fileName));
            Path clash = names.put(s.name(), f);
            if (clash != null) {
                throw new FolderException("two files give the benchmark name '" + s.name() + "': " + clash.getFileName()
                        + " and " + fileName + " (rename one, or name them in " + MANIFEST + ")");
            }
            out.add(format(f).equals(VlmEvalKitTsv.FORMAT) ? VlmEvalKitTsv.read(f, s) : JsonlBenchmark.read(f, s));
        }
        return out;
    }

    private static String format(Path p) {
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return n.endsWith(".tsv") ? VlmEvalKitTsv.FORMAT : n.endsWith(".jsonl") ? JsonlBenchmark.FORMAT : null;
    }

    private static Map<String, FileSettings> manifest(Path dir) {
        Path file = dir.resolve(MANIFEST);
        Map<String, FileSettings> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new FolderException(file + ": not valid JSON" + JsonErrors.suffix(e) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new FolderException(file + ": cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new FolderException(file + ": must be a JSON object keyed by file name");
        }
        ObjectSpec spec = new ObjectSpec()
                .string("name", false)
                .choice("kind", false, Set.of("multiple-choice", "yes-no", "short-answer", "grounding"))
                .choice("box_format", false, Set.of("xyxy", "xywh"));
        List<Problem> problems = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = "$['" + e.getKey() + "']";
            List<Problem> p = spec.validate(e.getValue(), path);
            problems.addAll(p);
            if (p.isEmpty()) {
                JsonNode v = e.getValue();
                FileSettings d = FileSettings.defaults(e.getKey());
                String name = v.path("name").asText(d.name());
                if (name.isBlank()) {
                    problems.add(new Problem(path + ".name", "must not be empty"));
                }
                out.put(e.getKey(), new FileSettings(name, v.has("kind") ? BenchmarkKind.of(v.get("kind").asText())
                        : null, v.has("box_format") ? BoxFormat.of(v.get("box_format").asText()) : BoxFormat.XYXY));
            }
        }
        if (!problems.isEmpty()) {
            throw new FolderException(file + ": " + String.join("; ", problems.stream().map(Problem::toString).toList()));
        }
        return out;
    }
}
