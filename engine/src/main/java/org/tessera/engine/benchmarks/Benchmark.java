package org.tessera.engine.benchmarks;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One benchmark file as read: its valid rows (without pictures), the rows it skipped and why, and a way to decode
 * the pictures of the rows a subset draws.
 *
 * @param name    the family name in the suite result (the file name without extension, or benchmarks.json's)
 * @param format  the reader: {@code vlmevalkit-tsv} or {@code jsonl}
 */
public record Benchmark(String name, BenchmarkKind kind, Path file, String format, List<BenchmarkRow> rows,
                        List<SkippedRow> skipped, Images images) {
    public Benchmark {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /** Decodes the pictures of some rows; a row whose picture fails is left out and named in {@code problems}. */
    public interface Images {
        Map<BenchmarkRow, List<Picture>> load(Collection<BenchmarkRow> rows, List<SkippedRow> problems);
    }
}
