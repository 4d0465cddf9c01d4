package org.tessera.engine.benchmarks;

import java.nio.file.Path;

/** A row (or a whole file, at line 1) left out of a benchmark, and why: printed as {@code FILE:LINE: reason}. */
public record SkippedRow(Path file, int line, String reason) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
