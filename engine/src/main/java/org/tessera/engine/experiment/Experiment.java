package org.tessera.engine.experiment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An experiment as resolved: every optional field filled with its default, so {@code experiment.json} in a run
 * folder says exactly what ran. Built only by {@link ExperimentLoader}, after the schema check passed.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Experiment(
        @JsonProperty("schema") int schema,
        @JsonProperty("name") String name,
        @JsonProperty("description") String description,
        @JsonProperty("base_model") String baseModel,
        @JsonProperty("seed") long seed,
        @JsonProperty("device") String device,
        @JsonProperty("task") Task task,
        @JsonProperty("method") Method method,
        @JsonProperty("eval") Eval eval,
        @JsonProperty("checkpoint") Checkpoint checkpoint,
        @JsonProperty("rollouts") Rollouts rollouts) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Task(@JsonProperty("grid") String grid, @JsonProperty("source") String source,
                       @JsonProperty("presentation") String presentation, @JsonProperty("grid_lines") Boolean gridLines,
                       @JsonProperty("prompt") String prompt, @JsonProperty("image_size") Integer imageSize,
                       @JsonProperty("train_size") int trainSize, @JsonProperty("test_size") int testSize,
                       @JsonProperty("train_seed") Long trainSeed, @JsonProperty("test_seed") Long testSeed) {
        public int rows() {
            return Integer.parseInt(grid.substring(0, grid.indexOf('x')));
        }

        public int cols() {
            return Integer.parseInt(grid.substring(grid.indexOf('x') + 1));
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Method(@JsonProperty("kind") String kind, @JsonProperty("steps") int steps,
                         @JsonProperty("sft_steps") Integer sftSteps, @JsonProperty("batch_size") Integer batchSize,
                         @JsonProperty("lr") double lr, @JsonProperty("sft_lr") Double sftLr,
                         @JsonProperty("warmup_steps") Integer warmupSteps,
                         @JsonProperty("min_lr_ratio") Double minLrRatio,
                         @JsonProperty("weight_decay") Double weightDecay, @JsonProperty("grad_clip") Double gradClip,
                         @JsonProperty("sft") Sft sft, @JsonProperty("grpo") Grpo grpo,
                         @JsonProperty("lora") Lora lora, @JsonProperty("harvest") Harvest harvest) {
        /** {@link #kind()} as the enum the code compares. */
        public MethodKind methodKind() {
            return MethodKind.of(kind);
        }
    }

    /** LoRA adapters instead of full fine-tuning (Hugging Face models); {@code targetModules}: comma-separated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Lora(@JsonProperty("rank") int rank, @JsonProperty("alpha") Double alpha,
                       @JsonProperty("dropout") Double dropout, @JsonProperty("target_modules") String targetModules) {
    }

    /**
     * How rft-then-sft gathers its Rea-Self data after the GRPO phase. {@code from = "policy"}: sample the RFT
     * policy on {@code puzzles} fresh training puzzles (beyond the GRPO phase's training set), {@code samples}
     * completions each at {@code temperature}, keep the exact ones, at most {@code per_puzzle} distinct texts per
     * puzzle and {@code per_answer} per answer (0 = no cap). {@code from = "grpo-log"}: every exact rollout the
     * GRPO phase sampled while training (the first pipeline; lucky guesses of a few favourite answers included).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Harvest(@JsonProperty("from") String from, @JsonProperty("puzzles") Integer puzzles,
                          @JsonProperty("samples") Integer samples, @JsonProperty("temperature") Double temperature,
                          @JsonProperty("per_puzzle") Integer perPuzzle, @JsonProperty("per_answer") Integer perAnswer) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sft(@JsonProperty("data") String data, @JsonProperty("rollouts_file") String rolloutsFile,
                      @JsonProperty("harvest_from") String harvestFrom,
                      @JsonProperty("harvest_samples") Integer harvestSamples,
                      @JsonProperty("harvest_temperature") Double harvestTemperature) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Grpo(@JsonProperty("group_size") int groupSize, @JsonProperty("prompts_per_step") int promptsPerStep,
                       @JsonProperty("temperature") Double temperature,
                       @JsonProperty("max_new_tokens") Integer maxNewTokens, @JsonProperty("clip_eps") Double clipEps,
                       @JsonProperty("kl_beta") Double klBeta, @JsonProperty("loss") String loss,
                       @JsonProperty("reward") String reward,
                       @JsonProperty("reward_weights") RewardWeights rewardWeights) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RewardWeights(@JsonProperty("format") Double format, @JsonProperty("hit") Double hit,
                                @JsonProperty("exact") Double exact, @JsonProperty("repetition") Double repetition) {
    }

    /**
     * @param knowledgeSuite {@code world} (the built-in world's families) or {@code benchmarks} (the files of the
     *                       folder {@code benchmarks}, one family per file; docs/benchmarks.md)
     * @param knowledgeN     items per world family, or rows per benchmark
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Eval(@JsonProperty("every") int every, @JsonProperty("jigsaw_n") Integer jigsawN,
                       @JsonProperty("knowledge_n") Integer knowledgeN, @JsonProperty("kl_probe_n") Integer klProbeN,
                       @JsonProperty("max_new_tokens") Integer maxNewTokens,
                       @JsonProperty("knowledge_suite") String knowledgeSuite,
                       @JsonProperty("benchmarks") String benchmarks) {
        public boolean usesBenchmarks() {
            return ExperimentSchema.BENCHMARKS_SUITE.equals(knowledgeSuite);
        }
    }

    public record Checkpoint(@JsonProperty("every") int every, @JsonProperty("keep") Integer keep) {
    }

    public record Rollouts(@JsonProperty("log_every") Integer logEvery) {
    }
}
