package org.tessera.engine.methods;

import org.tessera.engine.benchmarks.Benchmark;
import org.tessera.engine.benchmarks.BenchmarkFolder;
import org.tessera.engine.benchmarks.BenchmarkItem;
import org.tessera.engine.benchmarks.BenchmarkSuite;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The retained-knowledge side of a run: the world's held-out suite, or benchmark files from a folder. */
public final class KnowledgeSetups {
    private KnowledgeSetups() {
    }

    /**
     * What the experiment's {@code eval.knowledge_suite} asks for: {@link #world()} by default, or
     * {@link #benchmarks(Path)} with {@code eval.benchmarks} resolved against {@code projectRoot}.
     */
    public static JigsawMethod.KnowledgeFactory fromExperiment(Path projectRoot) {
        return (e, policy) -> e.eval().usesBenchmarks()
                ? benchmarks(projectRoot).apply(e, policy) : world().apply(e, policy);
    }

    /**
     * The suite at {@code eval.knowledge_n} items per family (fixed held-out split and seed, so every run and the
     * base model are scored on the same questions), and a KL probe on the reference targets of up to
     * {@code eval.kl_probe_n} of them, spread over the families.
     */
    public static JigsawMethod.KnowledgeFactory world() {
        return (e, policy) -> {
            int n = e.eval().knowledgeN();
            KnowledgeSuite suite = new KnowledgeSuite();
            Map<String, List<KnowledgeItem>> items = KnowledgeSuite.heldOutItems(n, KnowledgeSuite.DEFAULT_SEED);
            KlProbe probe = probe(items, e.eval().klProbeN(), KnowledgeItem::prompt,
                    it -> policy.encodeCompletion(it.target()));
            return new JigsawMethod.KnowledgeSetup((m, monitor) -> suite.evaluate(m, items, monitor), probe);
        };
    }

    /**
     * The benchmark files of {@code eval.benchmarks}: {@code eval.knowledge_n} rows per benchmark drawn with
     * {@link BenchmarkSuite#DEFAULT_SEED} (the same rows for every run and the base model), asked in the policy's
     * answer convention; the KL probe on reference completions of up to {@code eval.kl_probe_n} of them. The rows
     * left out are written to the worker's log, once.
     */
    public static JigsawMethod.KnowledgeFactory benchmarks(Path projectRoot) {
        return (e, policy) -> {
            Path dir = Path.of(e.eval().benchmarks());
            dir = dir.isAbsolute() ? dir : projectRoot.resolve(dir);
            List<Benchmark> files = BenchmarkFolder.read(dir);
            BenchmarkSuite.Subset subset = BenchmarkSuite.draw(files, e.eval().knowledgeN(), BenchmarkSuite.DEFAULT_SEED,
                    policy);
            System.err.println("knowledge suite: benchmarks in " + dir + ": " + String.join(", ",
                    subset.items().entrySet().stream().map(x -> x.getKey() + " (" + x.getValue().get(0).kind().id()
                            + ", " + x.getValue().size() + " items)").toList()));
            subset.skipped().forEach(s -> System.err.println("knowledge suite: skipped " + s));
            BenchmarkSuite.requireItems(subset, dir);
            BenchmarkSuite suite = new BenchmarkSuite();
            KlProbe probe = probe(subset.items(), e.eval().klProbeN(), BenchmarkItem::prompt,
                    it -> policy.encodeCompletion(it.reference()));
            return new JigsawMethod.KnowledgeSetup((m, monitor) -> suite.evaluate(m, subset.items(), monitor),
                    probe);
        };
    }

    /** Up to {@code total} probe items, spread evenly over the families (the first ones of each). */
    private static <T> KlProbe probe(Map<String, List<T>> items, int total, Function<T, Prompt> prompt,
                                     Function<T, int[]> target) {
        List<Prompt> prompts = new ArrayList<>();
        List<int[]> targets = new ArrayList<>();
        int perFamily = Math.max(1, total / Math.max(1, items.size()));
        for (List<T> family : items.values()) {
            for (T it : family.subList(0, Math.min(perFamily, family.size()))) {
                if (prompts.size() < total) {
                    prompts.add(prompt.apply(it));
                    targets.add(target.apply(it));
                }
            }
        }
        return new KlProbe(prompts, targets);
    }
}
