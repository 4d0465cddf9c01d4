package org.tessera.engine.cli;

import org.tessera.engine.benchmarks.DemoBenchmarks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code tessera benchmarks-demo --out DIR}: small benchmark files in VLMEvalKit's TSV and in JSONL, drawn from the
 * world's held-out scenes, to try {@code eval --suite benchmarks} and experiments' benchmark suites without a real
 * benchmark (assets/benchmarks-demo is this command's output; docs/benchmarks.md).
 */
@Command(name = "benchmarks-demo", mixinStandardHelpOptions = true,
        description = "Write small benchmark files (VLMEvalKit TSV and JSONL, from the world's held-out scenes) into a folder.")
public final class BenchmarksDemoCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "Folder to write into (created if needed).")
    Path out;

    @Option(names = "--n", defaultValue = "24", description = "Rows per benchmark (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--malformed", description = "Also write rows that break one rule each (to see the messages).")
    boolean malformed;

    @Override
    public Integer call() {
        if (n < 1) {
            System.err.println("--n must be >= 1");
            return 2;
        }
        for (Path p : DemoBenchmarks.write(out, n, seed, malformed)) {
            System.out.println("wrote " + p);
        }
        return 0;
    }
}
