package org.tessera.engine.benchmarks;

/**
 * How to read one benchmark file: its family name, its kind (null: detect it from the file) and how its reference
 * boxes are written. Defaults come from the file name; benchmarks.json overrides them.
 */
record FileSettings(String name, BenchmarkKind kind, BoxFormat boxFormat) {
    static FileSettings defaults(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return new FileSettings(dot > 0 ? fileName.substring(0, dot) : fileName, null, BoxFormat.XYXY);
    }
}
