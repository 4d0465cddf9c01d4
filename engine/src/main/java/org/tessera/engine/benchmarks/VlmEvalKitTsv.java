package org.tessera.engine.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * VLMEvalKit's dataset TSV: a header row, then one question per row with {@code index}, {@code image} (base64; or,
 * when at most 64 characters, the index of another row whose picture it shares; or a Python list of base64 pictures),
 * {@code question}, {@code answer}, optional {@code hint}, options in columns {@code A}, {@code B}, ... (empty where a
 * question has fewer) and other columns ({@code category}, {@code l2-category}, {@code split}) that are not used.
 * {@code image_path} (a file relative to the TSV) may stand in for {@code image}. Short-answer answers may be a
 * Python list of accepted answers ({@code ['1986', 'in 1986']}), as in VLMEvalKit's DocVQA.
 *
 * <p>Read twice: once for the rows without their pictures (a DocVQA TSV holds gigabytes of base64), and again for
 * the pictures of the rows a subset draws.
 */
final class VlmEvalKitTsv {
    static final String FORMAT = "vlmevalkit-tsv";
    /** VLMEvalKit: an image field this short is another row's index, not a picture. */
    static final int REFERENCE_MAX = 64;

    private VlmEvalKitTsv() {
    }

    static Benchmark read(Path file, FileSettings settings) {
        List<SkippedRow> skipped = new ArrayList<>();
        List<RawRow> raw = new ArrayList<>();
        Map<String, Integer> lineOfIndex = new HashMap<>();
        Set<String> ownsImage = new HashSet<>();
        List<String> letters = List.of();
        int imageColumn = -1;
        try (TsvRecords in = new TsvRecords(file)) {
            TsvRecords.Record header = in.next();
            if (header == null) {
                return failed(file, settings, 1, "the file is empty");
            }
            List<String> cols = header.fields().stream().map(String::strip).toList();
            List<String> missing = new ArrayList<>();
            for (String required : List.of("question", "answer")) {
                if (!cols.contains(required)) {
                    missing.add(required);
                }
            }
            if (!cols.contains("image") && !cols.contains("image_path")) {
                missing.add("image (or image_path)");
            }
            if (!missing.isEmpty()) {
                return failed(file, settings, header.line(), "the header lacks the column(s) " + String.join(", ", missing)
                        + " (a VLMEvalKit TSV has index, image, question, answer and options A, B, ...; found "
                        + String.join(", ", cols) + ")");
            }
            letters = RowRules.optionLetters(cols);
            imageColumn = cols.contains("image") ? cols.indexOf("image") : cols.indexOf("image_path");
            TsvRecords.Record r;
            while ((r = in.next()) != null) {
                if (r.fields().size() != cols.size()) {
                    skipped.add(new SkippedRow(file, r.line(), "has " + r.fields().size() + " fields, the header has "
                            + cols.size()));
                    continue;
                }
                Map<String, String> v = new HashMap<>();
                for (int c = 0; c < cols.size(); c++) {
                    if (c != imageColumn) {
                        v.put(cols.get(c), r.fields().get(c));
                    }
                }
                String image = r.fields().get(imageColumn).strip();
                String id = cols.contains("index") ? v.get("index").strip() : Integer.toString(r.line());
                if (id.isEmpty()) {
                    skipped.add(new SkippedRow(file, r.line(), "the index is empty"));
                    continue;
                }
                if (lineOfIndex.containsKey(id)) {
                    skipped.add(new SkippedRow(file, r.line(), "index " + id + " is already used on line "
                            + lineOfIndex.get(id)));
                    continue;
                }
                lineOfIndex.put(id, r.line());
                if (image.isEmpty()) {
                    skipped.add(new SkippedRow(file, r.line(), "the image is empty"));
                    continue;
                }
                boolean reference = imageColumn == cols.indexOf("image") && !image.isEmpty()
                        && image.length() <= REFERENCE_MAX && !ImageDecoding.looksLikePath(image);
                if (!reference) {
                    ownsImage.add(id);
                }
                String hint = v.get("hint");
                raw.add(new RawRow(id, r.line(), v.get("question"), hint == null || hint.isBlank()
                        || hint.equals("nan") ? null : hint.strip(), RowRules.options(letters, v::get),
                        List.of(v.get("answer")), null, reference ? image : null));
            }
        } catch (TsvRecords.UnterminatedQuote e) {
            if (imageColumn < 0) {
                return failed(file, settings, e.line, e.getMessage() + " (in the header)");
            }
            skipped.add(new SkippedRow(file, e.line, e.getMessage() + "; the rest of the file is skipped"));
        } catch (IOException e) {
            return failed(file, settings, 1, "cannot read: " + e.getMessage());
        }
        BenchmarkKind kind = settings.kind() != null ? settings.kind()
                : RowRules.detect(!letters.isEmpty(), raw);
        List<BenchmarkRow> rows = new ArrayList<>();
        Map<BenchmarkRow, String> imageOwner = new HashMap<>();
        for (RawRow r : raw) {
            if (r.imageRef() != null && !ownsImage.contains(r.imageRef())) {
                skipped.add(new SkippedRow(file, r.line(), "the image field '" + r.imageRef()
                        + "' names no row that holds a picture"));
                continue;
            }
            try {
                BenchmarkRow row = RowRules.validate(r, kind, settings.boxFormat());
                rows.add(row);
                imageOwner.put(row, r.imageRef() != null ? r.imageRef() : r.id());
            } catch (RowRules.Problem p) {
                skipped.add(new SkippedRow(file, r.line(), p.getMessage()));
            }
        }
        skipped.sort(java.util.Comparator.comparingInt(SkippedRow::line));
        Map<String, Integer> lines = Map.copyOf(lineOfIndex);
        int column = imageColumn;
        return new Benchmark(settings.name(), kind, file, FORMAT, rows, skipped,
                (wanted, problems) -> images(file, column, wanted, imageOwner, lines, problems));
    }

    private static Benchmark failed(Path file, FileSettings s, int line, String reason) {
        return new Benchmark(s.name(), s.kind() == null ? BenchmarkKind.SHORT_ANSWER : s.kind(), file, FORMAT,
                List.of(), List.of(new SkippedRow(file, line, reason)), (w, p) -> Map.of());
    }

    /** The second pass: decodes the pictures the wanted rows own or borrow. */
    private static Map<BenchmarkRow, List<Picture>> images(Path file, int imageColumn,
                                                                 Collection<BenchmarkRow> wanted,
                                                                 Map<BenchmarkRow, String> owner,
                                                                 Map<String, Integer> lineOfIndex,
                                                                 List<SkippedRow> problems) {
        Map<Integer, List<BenchmarkRow>> byLine = new HashMap<>();
        for (BenchmarkRow r : wanted) {
            byLine.computeIfAbsent(lineOfIndex.get(owner.get(r)), k -> new ArrayList<>()).add(r);
        }
        Map<BenchmarkRow, List<Picture>> out = new LinkedHashMap<>();
        try (TsvRecords in = new TsvRecords(file)) {
            in.next(); // header
            TsvRecords.Record rec;
            while (!byLine.isEmpty() && (rec = in.next()) != null) {
                List<BenchmarkRow> rows = byLine.remove(rec.line());
                if (rows == null) {
                    continue;
                }
                try {
                    List<Picture> imgs = ImageDecoding.decode(rec.fields().get(imageColumn), file.getParent());
                    rows.forEach(r -> out.put(r, imgs));
                } catch (IllegalArgumentException e) {
                    for (BenchmarkRow r : rows) {
                        String where = r.line() == rec.line() ? "" : " (borrowed from line " + rec.line() + ")";
                        problems.add(new SkippedRow(file, r.line(), e.getMessage() + where));
                    }
                }
            }
        } catch (IOException e) {
            for (List<BenchmarkRow> rows : byLine.values()) {
                rows.forEach(r -> problems.add(new SkippedRow(file, r.line(), "cannot read the image: " + e.getMessage())));
            }
        }
        return out;
    }
}
