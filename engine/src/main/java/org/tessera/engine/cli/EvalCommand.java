package org.tessera.engine.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.JigsawEvalResult;
import org.tessera.engine.jigsaw.JigsawEvaluator;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.SampledAnswers;
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
        description = "Score a model on the retained-knowledge suite or on held-out jigsaw puzzles (greedy).")
public final class EvalCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--suite", required = true, description = "knowledge or jigsaw")
    String suite;

    @Option(names = "--n", description = "items per family (knowledge, default 100) or puzzles (jigsaw, default 100)")
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

    @Override
    public Integer call() throws Exception {
        ObjectMapper out = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Path dir = model.dir();
        long t0 = System.nanoTime();
        try (TrainableModel m = ModelLoader.load(dir, true)) {
            Object result;
            switch (suite) {
                case "knowledge" -> {
                    SuiteResult r = new KnowledgeSuite().evaluate(m, n == null ? KnowledgeSuite.DEFAULT_N : n,
                            seed == null ? KnowledgeSuite.DEFAULT_SEED : seed);
                    result = r;
                    if (!json) {
                        System.out.printf("%-14s %8s %8s %8s %8s %5s%n", "family", "accuracy", "format", "choice", "nll", "n");
                        for (Map.Entry<String, SuiteResult.FamilyScore> e : r.families().entrySet()) {
                            SuiteResult.FamilyScore f = e.getValue();
                            System.out.printf("%-14s %8.3f %8.3f %8.3f %8.3f %5d%n", e.getKey(), f.accuracy(), f.format(),
                                    f.choice(), f.nll(), f.n());
                        }
                        SuiteResult.Average a = r.average();
                        System.out.printf("%-14s %8.3f %8.3f %8.3f %8.3f%n", "average", a.accuracy(), a.format(),
                                a.choice(), a.nll());
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
                    JigsawEvalResult r = new JigsawEvaluator(puzzles, t, maxNewTokens, 64).evaluate(m);
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
                default -> throw new IllegalArgumentException("--suite must be knowledge or jigsaw, not '" + suite + "'");
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
