package org.tessera.engine.cli;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.benchmarks.Benchmark;
import org.tessera.engine.benchmarks.BenchmarkFolder;
import org.tessera.engine.benchmarks.BenchmarkSuite;
import org.tessera.engine.benchmarks.SkippedRow;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.JigsawEvalResult;
import org.tessera.engine.jigsaw.JigsawEvaluator;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.SampledAnswers;
import org.tessera.engine.jobs.ConsoleProgress;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.world.KnowledgeSuite;
import org.tessera.engine.world.SuiteResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tessera eval}: the retained-knowledge suite or the jigsaw suite on a model. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Score a model on the retained-knowledge suite (the world's, or benchmark files from a folder) "
                + "or on held-out jigsaw puzzles (greedy).")
public final class EvalCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--suite", required = true, description = "knowledge (the world), benchmarks or jigsaw")
    String suite;

    @Option(names = "--benchmarks", description = "benchmarks: the folder of benchmark files (*.tsv, *.jsonl; "
            + "docs/benchmarks.md)")
    Path benchmarks;

    @Option(names = "--n", description = "items per family (knowledge, default 100), per benchmark (benchmarks, "
            + "default 100) or puzzles (jigsaw, default 100)")
    Integer n;

    @Option(names = "--seed", description = "held-out seed (default: the fixed suite seed)")
    Long seed;

    @Option(names = "--grid", defaultValue = "2x2", description = "jigsaw grid (default: ${DEFAULT-VALUE})")
    String grid;

    @Option(names = "--prompt", defaultValue = "answer-only",
            description = "jigsaw prompt: answer-only or reasoning (default: ${DEFAULT-VALUE})")
    String prompt;

    @Option(names = "--source", defaultValue = "procedural", description = "jigsaw image source: procedural, scenery, assets or a folder (default: ${DEFAULT-VALUE})")
    String source;

    @Option(names = "--max-new-tokens", defaultValue = "48", description = "jigsaw generation limit (default: ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--samples", defaultValue = "0",
            description = "jigsaw: also sample this many answers per puzzle and report how many are valid "
                    + "arrangements, exact, and why the rest fail (what GRPO would see; default: greedy only)")
    int samples;

    @Option(names = "--temperature", defaultValue = "1.0", description = "jigsaw --samples temperature (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Option(names = "--no-progress", description = "no progress bar on stderr (for logs)")
    boolean noProgress;

    private List<Benchmark> folder;

    /**
     * The benchmark suite: a seeded subset of each file, every skipped row named by file and line (on stderr for
     * the table, in {@code skipped} for JSON), the scores in the world suite's shape.
     */
    private Object benchmarks(TrainableModel m, ConsoleProgress bar, JobMonitor progress) {
        BenchmarkSuite.Subset subset = BenchmarkSuite.draw(folder, n == null ? BenchmarkSuite.DEFAULT_N : n,
                seed == null ? BenchmarkSuite.DEFAULT_SEED : seed, m);
        BenchmarkSuite.requireItems(subset, benchmarks);
        SuiteResult r = new BenchmarkSuite().evaluate(m, subset.items(), progress);
        bar.close();
        Map<String, Object> kinds = new LinkedHashMap<>();
        for (Benchmark b : folder) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("kind", b.kind().id());
            d.put("file", b.file().toString());
            d.put("format", b.format());
            d.put("valid_rows", b.rows().size());
            kinds.put(b.name(), d);
        }
        if (!json) {
            printTable(r, "benchmark");
            System.out.println("answers: " + (m.answerConvention().answerTags() ? "in <answer> tags" : "plain text")
                    + "; boxes: " + m.answerConvention().boxes());
            for (Benchmark b : folder) {
                System.out.printf("%-14s %s, %s, %d valid rows%n", b.name(), b.kind().id(), b.file().getFileName(),
                        b.rows().size());
            }
            subset.skipped().forEach(s -> System.err.println("skipped " + s));
            return r;
        }
        Map<String, Object> out = new LinkedHashMap<>(); // the suite's JSON, then what was read and left out
        out.put("suite", r.suite());
        out.put("model", r.model());
        out.put("families", r.families());
        out.put("average", r.average());
        out.put("benchmarks", kinds);
        out.put("answer_convention", Map.of("answer_tags", m.answerConvention().answerTags(),
                "boxes", m.answerConvention().boxes()));
        out.put("skipped", subset.skipped().stream().map(SkippedRow::toString).toList());
        return out;
    }

    private static void printTable(SuiteResult r, String first) {
        System.out.printf("%-14s %8s %8s %8s %8s %5s%n", first, "accuracy", "format", "choice", "nll", "n");
        for (Map.Entry<String, SuiteResult.FamilyScore> e : r.families().entrySet()) {
            SuiteResult.FamilyScore f = e.getValue();
            System.out.printf("%-14s %8.3f %8.3f %8s %8.3f %5d%n", e.getKey(), f.accuracy(), f.format(),
                    choice(f.choice()), f.nll(), f.n());
        }
        SuiteResult.Average a = r.average();
        System.out.printf("%-14s %8.3f %8.3f %8s %8.3f%n", "average", a.accuracy(), a.format(), choice(a.choice()),
                a.nll());
    }

    private static String choice(double c) {
        return Double.isNaN(c) ? "-" : String.format(java.util.Locale.ROOT, "%.3f", c);
    }

    @Override
    public Integer call() throws Exception {
        ObjectMapper out = TesseraJson.INDENTED;
        Path dir = model.dir();
        if (suite.equals("benchmarks") && benchmarks == null) {
            System.err.println("--suite benchmarks needs --benchmarks DIR (a folder of VLMEvalKit .tsv or .jsonl files)");
            return 2;
        }
        if (!suite.equals("benchmarks") && benchmarks != null) {
            System.err.println("--benchmarks is for --suite benchmarks");
            return 2;
        }
        List<Benchmark> files = null;
        if (benchmarks != null) {
            try {
                files = BenchmarkFolder.read(benchmarks);
            } catch (BenchmarkFolder.FolderException e) {
                System.err.println(e.getMessage());
                return 2;
            }
        }
        this.folder = files;
        long t0 = System.nanoTime();
        // The bar is closed before anything is printed, so that it never lands between the lines of the table.
        try (TrainableModel m = ModelLoader.load(dir, true);
             ConsoleProgress bar = new ConsoleProgress()) {
            JobMonitor progress = noProgress ? JobMonitor.NONE : bar;
            Object result;
            switch (suite) {
                case "knowledge" -> {
                    SuiteResult r = new KnowledgeSuite().evaluate(m, n == null ? KnowledgeSuite.DEFAULT_N : n,
                            seed == null ? KnowledgeSuite.DEFAULT_SEED : seed, progress);
                    bar.close();
                    result = r;
                    if (!json) {
                        printTable(r, "family");
                    }
                }
                case "benchmarks" -> {
                    try {
                        result = benchmarks(m, bar, progress);
                    } catch (BenchmarkSuite.NothingToScoreException e) {
                        // An average over no rows would print as a score of 0: say instead that there was nothing
                        // to score, and why.
                        e.skipped().forEach(s -> System.err.println("skipped " + s));
                        System.err.println(e.getMessage());
                        return 2;
                    }
                }
                case "jigsaw" -> {
                    PromptTemplate t = switch (prompt) {
                        case "answer-only" -> PromptTemplate.ANSWER;
                        case "reasoning" -> PromptTemplate.THINK;
                        default -> throw new IllegalArgumentException("--prompt must be answer-only or reasoning, not '"
                                + prompt + "'");
                    };
                    PuzzleSpec spec = PuzzleSpec.procedural(Grid.parse(grid)).withSource(source);
                    long puzzleSeed = seed == null ? ExperimentLoader.DEFAULT_TEST_SEED : seed;
                    List<Puzzle> puzzles = JigsawEvaluator.heldOut(spec, puzzleSeed, n == null ? 100 : n);
                    JigsawEvalResult r = new JigsawEvaluator(puzzles, t, maxNewTokens, 64).evaluate(m, progress);
                    bar.close();
                    result = r;
                    if (!json) {
                        System.out.printf("jigsaw %s: exact %.3f  hit %.3f  format %.3f  (n=%d)%n", r.grid(), r.exact(),
                                r.hit(), r.format(), r.n());
                    }
                    if (samples > 0) {
                        SampledAnswers sampled = SampledAnswers.measure(m, puzzles, t, samples, temperature,
                                maxNewTokens, puzzleSeed);
                        Map<String, Object> both = new LinkedHashMap<>(); // fixed key order in the JSON
                        both.put("greedy", r);
                        both.put("sampled", sampled);
                        result = both;
                        if (!json) {
                            System.out.printf("sampled %d at T=%.2f: valid %.3f  exact %.3f  failures %s%n",
                                    sampled.samples(), sampled.temperature(), sampled.valid(), sampled.exact(),
                                    sampled.failures());
                            sampled.examples().forEach(e -> System.out.println("  e.g. " + e));
                        }
                    }
                }
                default -> throw new IllegalArgumentException("--suite must be knowledge, benchmarks or jigsaw, not '"
                        + suite + "'");
            }
            if (json) {
                System.out.println(out.writeValueAsString(result));
            } else {
                System.out.printf("(%.1f s)%n", (System.nanoTime() - t0) / 1e9);
            }
        }
        return 0;
    }
}
