package org.tessera.engine.cli;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.analysis.AnalysisData;
import org.tessera.engine.analysis.DataAnalyses;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.jobs.ConsoleProgress;
import org.tessera.engine.analysis.Distribution;
import org.tessera.engine.analysis.InfluenceSummary;
import org.tessera.engine.analysis.KlForgetting;
import org.tessera.engine.analysis.PerplexityAnalysis;
import org.tessera.engine.analysis.RolloutsFile;
import org.tessera.engine.analysis.TrainingSets;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.runs.Runs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tessera analyze}: the data perspective of the paper on Tessera's models and runs (docs/analysis.md):
 * perplexity of training data under the base model, gradient influence on prior knowledge, KL vs forgetting.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Why RL forgets less: perplexity and influence of training data, KL vs forgetting (docs/analysis.md).",
        subcommands = {AnalyzeCommand.Perplexity.class, AnalyzeCommand.Influence.class, AnalyzeCommand.Kl.class})
public final class AnalyzeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    private static final ObjectMapper JSON = TesseraJson.INDENTED;

    /** The training data to analyse (shared by perplexity and influence). */
    static final class DataOptions {
        @Option(names = "--data", split = ",", description = "data kinds, comma-separated: answer-only, "
                + "teacher-reasoning, rollouts, rollouts-exact (default: the first two, plus both rollout kinds "
                + "with --rollouts)")
        List<String> kinds;

        @Option(names = "--rollouts", description = "a GRPO run's rollouts.jsonl (its experiment.json must be beside it;"
                + " the other kinds then use that run's task too)")
        Path rollouts;

        @Option(names = "--grid", defaultValue = AnalysisData.DEFAULT_GRID, description = "jigsaw grid without --rollouts (default: ${DEFAULT-VALUE})")
        String grid;

        @Option(names = "--seed", defaultValue = "" + AnalysisData.DEFAULT_SEED, description = "training-puzzle seed without --rollouts (default: ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--source", defaultValue = AnalysisData.DEFAULT_SOURCE, description = "image source without --rollouts: "
                + "procedural, scenery (the sample experiments'), assets or a folder (default: ${DEFAULT-VALUE})")
        String source;

        List<String> kinds() {
            List<String> k = kinds != null ? kinds : AnalysisData.defaultKinds(rollouts != null);
            for (String kind : k) {
                if (!TrainingSets.KINDS.contains(kind)) {
                    throw new IllegalArgumentException("--data: unknown kind '" + kind + "' (known: "
                            + String.join(", ", TrainingSets.KINDS) + ")");
                }
                if (kind.startsWith("rollouts") && rollouts == null) {
                    throw new IllegalArgumentException("--data " + kind + " needs --rollouts RUN_DIR/rollouts.jsonl");
                }
            }
            return k;
        }

        private List<RolloutsFile.Group> groups;

        /** The options' and the rollouts file's problems, before any model is loaded. */
        void check(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("--n must be at least 1, got " + n);
            }
            kinds();
            groups();
        }

        /** The data as chosen on the command line (kinds checked by {@link #kinds()}). */
        AnalysisData data(int n) {
            return new AnalysisData(rollouts, Grid.parse(grid), source, seed, kinds(), n);
        }

        /** The logged rollouts (read once): the file's own problems are what the user most likely needs to hear. */
        List<RolloutsFile.Group> groups() {
            if (groups == null) {
                groups = data(1).readGroups();
            }
            return groups;
        }
    }

    /** What an analysis left out (kinds the run logged none of, samples the model cannot take), on stderr. */
    static void printNotes(List<String> notes) {
        notes.forEach(n -> System.err.println("note: " + n));
    }

    @Command(name = "perplexity", mixinStandardHelpOptions = true,
            description = "Per-sample perplexity (exp of mean token NLL, EOS included) of training data under a model,"
                    + " summarised per data kind, and per GRPO step for rollouts.")
    static final class Perplexity implements Callable<Integer> {
        @Mixin
        ModelOption model = new ModelOption();

        @Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--n", defaultValue = "200", description = "samples per kind (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--samples", description = "with --json, include every sample's per-token NLL")
        boolean samples;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--no-progress", description = "no progress bar on stderr")
        boolean noProgress;

        @Override
        public Integer call() throws Exception {
            data.check(n);
            long t0 = System.nanoTime();
            DataAnalyses.PerplexityReport report;
            try (TrainableModel m = ModelLoader.load(model.dir(), true);
                 ConsoleProgress bar = new ConsoleProgress()) {
                report = DataAnalyses.perplexity(m, data.data(n), data.groups(), noProgress ? JobMonitor.NONE : bar);
            }
            printNotes(report.notes());
            List<PerplexityAnalysis.SamplePerplexity> scored = report.samples();
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<PerplexityAnalysis.KindSummary> kinds = report.kinds();
            List<PerplexityAnalysis.StepSummary> steps = report.steps();
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("model", model.dir().toString());
                out.put("kinds", kinds);
                out.put("steps", steps);
                out.put("skipped", report.skipped());
                out.put("seconds", seconds);
                if (samples) {
                    out.put("samples", scored);
                }
                System.out.println(JSON.writeValueAsString(out));
                return 0;
            }
            System.out.printf("perplexity under %s (exp of mean token NLL, EOS included)%n", model.dir());
            System.out.printf("%-18s %5s %8s %8s %8s %8s %8s %8s %7s%n", "kind", "n", "mean", "p05", "p25", "median",
                    "p75", "p95", "tokens");
            for (PerplexityAnalysis.KindSummary k : kinds) {
                Distribution d = k.perplexity();
                System.out.printf("%-18s %5d %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f %7.1f%n", k.kind(), k.n(), d.mean(),
                        d.p05(), d.p25(), d.median(), d.p75(), d.p95(), k.meanTokens());
            }
            if (!steps.isEmpty()) {
                System.out.printf("%nrollouts by GRPO step%n%8s %5s %8s %8s %7s %13s%n", "step", "n", "mean", "median",
                        "exact", "median exact");
                for (PerplexityAnalysis.StepSummary s : steps) {
                    System.out.printf("%8d %5d %8.3f %8.3f %7d %13.3f%n", s.step(), s.n(), s.meanPerplexity(),
                            s.medianPerplexity(), s.nExact(), s.medianExactPerplexity());
                }
            }
            System.out.printf("(%d samples, %.1f s)%n", scored.size(), seconds);
            return 0;
        }
    }

    @Command(name = "influence", mixinStandardHelpOptions = true,
            description = "Influence of one SGD step on a training sample u on prior-knowledge probes v: "
                    + "Delta(v,u) ~= eta grad log p(v) . grad log p(u), and the measured change for a subset.")
    static final class Influence implements Callable<Integer> {
        @Mixin
        ModelOption model = new ModelOption();

        @Mixin
        DataOptions data = new DataOptions();

        @Option(names = "--n", defaultValue = "100", description = "training samples per kind (default: ${DEFAULT-VALUE})")
        int n;

        @Option(names = "--probe-n", defaultValue = "60",
                description = "prior-knowledge probes, spread over the knowledge families (default: ${DEFAULT-VALUE})")
        int probeN;

        @Option(names = "--eta", defaultValue = "1e-4",
                description = "SGD step size; small enough that the step stays in the linear regime (default: ${DEFAULT-VALUE})")
        double eta;

        @Option(names = "--actual-n", defaultValue = "10",
                description = "samples per kind whose one-step change is also measured (default: ${DEFAULT-VALUE})")
        int actualN;

        @Option(names = "--per-step", defaultValue = "0",
                description = "with --rollouts: also N rollouts of every logged step, influence vs step (default: off)")
        int perStep;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Option(names = "--no-progress", description = "no progress bars on stderr")
        boolean noProgress;

        @Override
        public Integer call() throws Exception {
            if (probeN < 1) {
                throw new IllegalArgumentException("--probe-n must be at least 1, got " + probeN);
            }
            DataAnalyses.InfluenceSettings settings = new DataAnalyses.InfluenceSettings(probeN, eta, actualN,
                    data.rollouts != null ? perStep : 0);
            data.check(n);
            DataAnalyses.InfluenceReport report;
            try (TrainableModel m = ModelLoader.load(model.dir());
                 ConsoleProgress bar = new ConsoleProgress()) {
                report = DataAnalyses.influence(m, data.data(n), data.groups(), settings,
                        noProgress ? JobMonitor.NONE : bar);
            }
            printNotes(report.notes());
            List<InfluenceSummary> kinds = report.kinds().stream().map(DataAnalyses.InfluenceRow::summary).toList();
            Map<String, Double> perplexity = new LinkedHashMap<>();
            report.kinds().forEach(r -> perplexity.put(r.summary().group(), r.medianPerplexity()));
            Map<Long, InfluenceSummary> steps = report.steps();
            double buildSeconds = report.probeSeconds();
            long parameters = report.parameters();
            int probes = report.probes();
            System.err.printf("probe set: %d prior-knowledge samples, %,d parameters, %.1f s%n", probes, parameters,
                    buildSeconds);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("model", model.dir().toString());
                out.put("eta", eta);
                out.put("probes", probes);
                out.put("parameters", parameters);
                out.put("probe_seconds", buildSeconds);
                out.put("kinds", kinds);
                out.put("median_perplexity", perplexity);
                out.put("steps", steps);
                System.out.println(JSON.writeValueAsString(out));
                return 0;
            }
            System.out.printf("influence on %d prior-knowledge probes, eta %.3g, %s%n", probes, eta, model.dir());
            header();
            kinds.forEach(Influence::row);
            System.out.printf("%nmedian perplexity of each kind under the model: %s%n", perplexity);
            if (!steps.isEmpty()) {
                System.out.printf("%nrollouts by GRPO step%n");
                header();
                steps.values().forEach(Influence::row);
            }
            System.out.printf("(probe gradients %.1f s; %,d parameters)%n", buildSeconds, parameters);
            return 0;
        }

        private static void header() {
            System.out.printf("%-18s %4s %11s %11s %6s %10s %10s %4s %11s %6s %7s %7s%n", "group", "n", "mean dlogp",
                    "mean |d|", "pos", "per-step", "eNTK>=", "act", "act mean", "sign", "relerr", "s/smp");
        }

        private static void row(InfluenceSummary s) {
            System.out.printf("%-18s %4d %11.3e %11.3e %6.3f %10.4f %10.4f %4d %11.3e %6.3f %7.3f %7.3f%n", s.group(),
                    s.n(), s.meanSigned(), s.meanAbs(), s.positiveFraction(), s.meanPerUnitStep(),
                    s.meanEntkLowerBound(), s.nActual(), s.actualMeanSigned(), s.signAgreement(),
                    s.medianRelativeError(), s.secondsPerSample());
        }
    }

    @Command(name = "kl", mixinStandardHelpOptions = true,
            description = "RL's Razor: each run's final KL to the base model on the new task vs its change in "
                    + "retained-knowledge accuracy since step 0 (from metrics.jsonl).")
    static final class Kl implements Callable<Integer> {
        @Option(names = "--runs-dir", description = "runs folder (default: runs/ in the project)")
        Path runsDir;

        @Option(names = "--json", description = "print JSON")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Path dir = runsDir != null ? runsDir : Runs.defaultRunsDir();
            KlForgetting.Table t = KlForgetting.table(dir);
            if (json) {
                System.out.println(JSON.writeValueAsString(t));
                return 0;
            }
            System.out.printf("%-36s %-26s %6s %9s %9s %8s %8s %9s %7s%n", "run", "method", "step", "KL task",
                    "KL know", "know@0", "know", "change", "jigsaw");
            for (KlForgetting.RunRow r : t.runs()) {
                System.out.printf("%-36s %-26s %6d %9.4f %9.4f %8.3f %8.3f %+9.3f %7.3f%n", r.run(), r.method(),
                        r.finalStep(), r.finalKlTask(), r.finalKlKnowledge(), r.knowledgeAtStart(), r.knowledgeAtEnd(),
                        r.knowledgeChange(), r.jigsawExact());
            }
            System.out.printf("%d runs; Pearson r(final KL_task, knowledge change) = %.3f over %d runs%n",
                    t.runs().size(), t.pearsonKlTaskVsChange(), t.pairs());
            return 0;
        }
    }
}
