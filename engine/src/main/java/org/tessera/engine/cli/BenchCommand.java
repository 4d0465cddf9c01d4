package org.tessera.engine.cli;

import org.tessera.engine.bench.ModelBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code tessera bench ...}: benchmarks (never timed unit tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks: 'bench model' (step time vs matmul peak, sampling throughput), 'bench train' "
                + "(SFT and GRPO iterations of the sample experiments), 'bench suite' (the knowledge suite's cost split).",
        subcommands = {BenchCommand.Model.class, BenchCommand.Train.class, BenchCommand.Suite.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "model", mixinStandardHelpOptions = true,
            description = "Measure the machine's fp32 matmul peak, a training step (forward+backward+AdamW) of the "
                    + "model's shapes as a fraction of that peak, and sampling throughput with and without KV cache.")
    static final class Model implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ModelOption model = new ModelOption();

        @Option(names = "--batch", defaultValue = "32", description = "training batch size (default: ${DEFAULT-VALUE})")
        int batch;

        @Option(names = "--text-len", defaultValue = "40",
                description = "text tokens per training sequence (default: ${DEFAULT-VALUE})")
        int textLen;

        @Option(names = "--steps", defaultValue = "10", description = "timed training steps (default: ${DEFAULT-VALUE})")
        int steps;

        @Option(names = "--gen-prompts", defaultValue = "32", description = "prompts to sample from (default: ${DEFAULT-VALUE})")
        int genPrompts;

        @Option(names = "--gen-samples", defaultValue = "8",
                description = "samples per prompt, as in a GRPO group (default: ${DEFAULT-VALUE})")
        int genSamples;

        @Option(names = "--gen-tokens", defaultValue = "32", description = "new tokens per prompt (default: ${DEFAULT-VALUE})")
        int genTokens;

        @Option(names = "--json", description = "print the results as JSON")
        boolean json;

        @Option(names = "--image-size", defaultValue = "224",
                description = "Hugging Face models: side of the square random image in pixels (default: ${DEFAULT-VALUE})")
        int imageSize;

        @Option(names = "--completion-len", defaultValue = "32",
                description = "Hugging Face models: completion tokens of each training sequence (default: ${DEFAULT-VALUE})")
        int completionLen;

        @Option(names = "--forward-steps", defaultValue = "3",
                description = "Hugging Face models: timed forward passes, 0 to skip (default: ${DEFAULT-VALUE})")
        int forwardSteps;

        @Option(names = "--lora-rank", defaultValue = "0",
                description = "Hugging Face models: train LoRA adapters of this rank on q/k/v/o_proj instead of every "
                        + "weight, 0 = full fine-tuning (default: ${DEFAULT-VALUE})")
        int loraRank;

        @Option(names = "--temperature", defaultValue = "1",
                description = "Hugging Face models: sampling temperature, 0 = greedy (default: ${DEFAULT-VALUE})")
        float temperature;

        @Override
        public Integer call() throws Exception {
            if (org.tessera.engine.model.qwen2_5_vl.QwenVlConfig.ARCHITECTURE.equals(
                    org.tessera.engine.model.ModelLoader.architectureOf(model.dir()))) {
                // --steps 0 / --gen-prompts 0 skip a phase (a 3B model's AdamW state needs ~45 GB)
                new org.tessera.engine.bench.QwenBenchmark(model.dir(), new org.tessera.engine.bench.QwenBenchmark.Setup(
                        batch, textLen, completionLen, imageSize, forwardSteps, steps, genPrompts, genSamples, genTokens,
                        temperature, loraRank)).run(json);
                return 0;
            }
            new ModelBenchmark(model.dir(), batch, textLen, steps, genPrompts, genSamples, genTokens).run(json);
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "SFT samples/s and GRPO rollouts/s and tokens/s on the sample experiments' shapes, with the "
                    + "step time split into sampling / reference / forward+backward / optimizer.")
    static final class Train implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ModelOption model = new ModelOption();

        @Option(names = "--sft", defaultValue = "sample-configs/sft-answer-only.json", description = "SFT experiment (default: ${DEFAULT-VALUE})")
        Path sft;

        @Option(names = "--grpo", defaultValue = "sample-configs/grpo.json", description = "GRPO experiment (default: ${DEFAULT-VALUE})")
        Path grpo;

        @Option(names = "--steps", defaultValue = "5", description = "timed iterations of each (default: ${DEFAULT-VALUE})")
        int steps;

        @Override
        public Integer call() throws Exception {
            Path root = org.tessera.engine.runs.Runs.projectRoot();
            var r = org.tessera.engine.methods.TrainBenchmark.run(
                    org.tessera.engine.experiment.ExperimentLoader.load(root.resolve(sft)),
                    org.tessera.engine.experiment.ExperimentLoader.load(root.resolve(grpo)),
                    model.dir(), steps);
            r.forEach((k, v) -> System.out.printf("%-28s %s%n", k, v instanceof Double x ? String.format("%.2f", x) : v));
            return 0;
        }
    }

    @Command(name = "suite", mixinStandardHelpOptions = true,
            description = "Time the retained-knowledge suite: generation, reference scoring, and what 'choice' adds.")
    static final class Suite implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        ModelOption model = new ModelOption();

        @Option(names = "--n", defaultValue = "100", description = "items per family (default: ${DEFAULT-VALUE})")
        int n;

        @Override
        public Integer call() {
            try (var m = org.tessera.engine.model.ModelLoader.load(
                    model.dir(), true)) {
                org.tessera.engine.bench.SuiteBenchmark.run(m, n).forEach((k, v) -> System.out.printf("%-28s %s%n", k,
                        v instanceof Double x ? String.format("%.3f", x) : v));
            }
            return 0;
        }
    }
}
