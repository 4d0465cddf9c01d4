package org.tessera.engine.benchmarks;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JSON object per line, the shape a Hugging Face dataset (what lmms-eval reads) takes after
 * {@code ds.to_json(...)} with its images saved as files: {@code question} (required), {@code image} (a path
 * relative to the file, base64, or a list of either), {@code answer} (a letter, yes/no, a short answer, or a box as
 * {@code [x1, y1, x2, y2]}) or {@code answers} (several accepted short answers), {@code options} (a list, lettered
 * A, B, ..., or an object by letter) or option fields {@code A}, {@code B}, ..., and optional {@code id} (or
 * {@code index}) and {@code hint}.
 */
final class JsonlBenchmark {
    static final String FORMAT = "jsonl";
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    private JsonlBenchmark() {
    }

    static Benchmark read(Path file, FileSettings settings) {
        List<SkippedRow> skipped = new ArrayList<>();
        List<RawRow> raw = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        boolean anyOptions = false;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    skipped.add(new SkippedRow(file, line, "not valid JSON: " + e.getOriginalMessage().replaceAll("\\s*\\(start marker.*", "")));
                    continue;
                }
                if (n == null || !n.isObject()) {
                    skipped.add(new SkippedRow(file, line, "not a JSON object"));
                    continue;
                }
                String id = text(n, "id", text(n, "index", Integer.toString(line)));
                if (lineOfId.containsKey(id)) {
                    skipped.add(new SkippedRow(file, line, "id " + id + " is already used on line " + lineOfId.get(id)));
                    continue;
                }
                lineOfId.put(id, line);
                Map<String, String> options = options(n);
                anyOptions |= !options.isEmpty();
                String image = n.has("image") ? (n.get("image").isArray() ? n.get("image").toString()
                        : n.get("image").asText()) : null;
                raw.add(new RawRow(id, line, text(n, "question", null), text(n, "hint", null), options, answers(n),
                        image == null ? "" : image, null));
            }
        } catch (IOException e) {
            return new Benchmark(settings.name(), BenchmarkKind.SHORT_ANSWER, file, FORMAT, List.of(),
                    List.of(new SkippedRow(file, 1, "cannot read: " + e.getMessage())), (w, p) -> Map.of());
        }
        BenchmarkKind kind = settings.kind() != null ? settings.kind()
                : RowRules.detect(anyOptions, raw);
        List<BenchmarkRow> rows = new ArrayList<>();
        Map<BenchmarkRow, String> imageOf = new HashMap<>();
        for (RawRow r : raw) {
            if (r.imageField().isBlank()) {
                skipped.add(new SkippedRow(file, r.line(), "the image is missing"));
                continue;
            }
            try {
                BenchmarkRow row = RowRules.validate(r, kind, settings.boxFormat());
                rows.add(row);
                imageOf.put(row, r.imageField());
            } catch (RowRules.Problem p) {
                skipped.add(new SkippedRow(file, r.line(), p.getMessage()));
            }
        }
        skipped.sort(java.util.Comparator.comparingInt(SkippedRow::line));
        return new Benchmark(settings.name(), kind, file, FORMAT, rows, skipped, (wanted, problems) -> {
            Map<BenchmarkRow, List<Picture>> out = new LinkedHashMap<>();
            for (BenchmarkRow r : wanted) {
                try {
                    out.put(r, ImageDecoding.decode(imageOf.get(r), file.getParent()));
                } catch (IllegalArgumentException e) {
                    problems.add(new SkippedRow(file, r.line(), e.getMessage()));
                }
            }
            return out;
        });
    }

    private static String text(JsonNode n, String field, String dflt) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? dflt : v.isValueNode() ? v.asText() : v.toString();
    }

    private static Map<String, String> options(JsonNode n) {
        JsonNode o = n.get("options");
        Map<String, String> out = new LinkedHashMap<>();
        if (o != null && o.isArray()) {
            for (int i = 0; i < o.size() && i < 26; i++) {
                out.put(String.valueOf((char) ('A' + i)), o.get(i).asText());
            }
            return RowRules.options(new ArrayList<>(out.keySet()), out::get);
        }
        List<String> fields = new ArrayList<>();
        (o != null && o.isObject() ? o : n).fieldNames().forEachRemaining(fields::add);
        JsonNode src = o != null && o.isObject() ? o : n;
        return RowRules.options(RowRules.optionLetters(fields), l -> src.get(l).asText());
    }

    private static List<String> answers(JsonNode n) {
        JsonNode many = n.get("answers");
        if (many != null && many.isArray()) {
            List<String> out = new ArrayList<>();
            many.forEach(a -> out.add(a.asText()));
            return out;
        }
        JsonNode a = n.get("answer");
        if (a == null || a.isNull()) {
            return List.of();
        }
        return List.of(a.isArray() ? a.toString() : a.asText());
    }
}
