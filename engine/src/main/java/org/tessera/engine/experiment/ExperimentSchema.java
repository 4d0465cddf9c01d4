package org.tessera.engine.experiment;

import org.tessera.engine.config.ObjectSpec;

import java.util.Set;

/** The experiment file's fields, types and ranges (schema version 1; docs/experiments.md describes each). */
public final class ExperimentSchema {
    public static final int VERSION = 1;
    public static final Set<String> METHODS = MethodKind.ids();
    /** Where a run trains: auto = the GPU when the engine sees one (after ./tessera gpu-setup), else the CPU. */
    public static final Set<String> DEVICES = Set.of("auto", "cpu", "gpu");
    public static final Set<String> SFT_DATA = Set.of("answer-only", "teacher-reasoning", "self-rollouts");
    public static final Set<String> HARVEST_FROM = Set.of("policy", "grpo-log");
    /** Where a run's retained knowledge is measured: the built-in world, or benchmark files from a folder. */
    public static final String WORLD_SUITE = "world";
    public static final String BENCHMARKS_SUITE = "benchmarks";
    public static final Set<String> KNOWLEDGE_SUITES = Set.of(WORLD_SUITE, BENCHMARKS_SUITE);
    public static final Set<String> REWARDS = Set.of("paper", "jigsaw-r1", "visual-jigsaw", "graded", "custom");

    private ExperimentSchema() {
    }

    public static ObjectSpec spec() {
        ObjectSpec task = new ObjectSpec()
                .pattern("grid", true, "[1-8]x[1-8]", "ROWSxCOLS with 1..8 each, e.g. \"3x3\"")
                .string("source", true)
                .choice("presentation", false, Set.of("composite", "tiles"))
                .bool("grid_lines", false)
                .choice("prompt", true, Set.of("answer-only", "reasoning"))
                .integer("image_size", false, 8, 512)
                .integer("train_size", true, 1, 1_000_000)
                .integer("test_size", true, 1, 100_000)
                .integer("train_seed", false, Long.MIN_VALUE, Long.MAX_VALUE)
                .integer("test_seed", false, Long.MIN_VALUE, Long.MAX_VALUE);
        ObjectSpec sft = new ObjectSpec()
                .choice("data", true, SFT_DATA)
                .string("rollouts_file", false)
                .string("harvest_from", false)
                .integer("harvest_samples", false, 1, 256)
                .number("harvest_temperature", false, 0.01, 5);
        ObjectSpec harvest = new ObjectSpec()
                .choice("from", false, HARVEST_FROM)
                .integer("puzzles", false, 1, 1_000_000)
                .integer("samples", false, 1, 256)
                .number("temperature", false, 0.01, 5)
                .integer("per_puzzle", false, 1, 256)
                .integer("per_answer", false, 0, 1_000_000);
        ObjectSpec weights = new ObjectSpec()
                .number("format", false, -10, 10)
                .number("hit", false, -10, 10)
                .number("exact", false, -10, 10)
                .number("repetition", false, -10, 10);
        ObjectSpec grpo = new ObjectSpec()
                .integer("group_size", true, 2, 256)
                .integer("prompts_per_step", true, 1, 1024)
                .number("temperature", false, 0.01, 5)
                .integer("max_new_tokens", false, 1, 4096)
                .number("clip_eps", false, 0, 1)
                .number("kl_beta", false, 0, 10)
                .choice("loss", false, Set.of("grpo", "dr_grpo"))
                .choice("reward", false, REWARDS)
                .object("reward_weights", false, weights);
        ObjectSpec lora = new ObjectSpec()
                .integer("rank", true, 1, 4096)
                .number("alpha", false, 1e-6, 1e6)
                .number("dropout", false, 0, 0.99)
                .pattern("target_modules", false, "[a-z_]+(,[a-z_]+)*",
                        "comma-separated module names, e.g. \"q_proj,k_proj,v_proj,o_proj\"");
        ObjectSpec method = new ObjectSpec()
                .choice("kind", true, METHODS)
                .integer("steps", true, 1, 10_000_000)
                .integer("sft_steps", false, 1, 10_000_000)
                .integer("batch_size", false, 1, 4096)
                .number("lr", true, 1e-9, 1)
                .number("sft_lr", false, 1e-9, 1)
                .integer("warmup_steps", false, 0, 10_000_000)
                .number("min_lr_ratio", false, 0, 1)
                .number("weight_decay", false, 0, 1)
                .number("grad_clip", false, 0, 1e6)
                .object("sft", false, sft)
                .object("grpo", false, grpo)
                .object("lora", false, lora)
                .object("harvest", false, harvest);
        ObjectSpec eval = new ObjectSpec()
                .integer("every", true, 1, 10_000_000)
                .integer("jigsaw_n", false, 1, 100_000)
                .integer("knowledge_n", false, 1, 100_000)
                .integer("kl_probe_n", false, 0, 100_000)
                .integer("max_new_tokens", false, 1, 4096)
                .choice("knowledge_suite", false, KNOWLEDGE_SUITES)
                .string("benchmarks", false);
        ObjectSpec checkpoint = new ObjectSpec()
                .integer("every", true, 1, 10_000_000)
                .integer("keep", false, 1, 1000);
        ObjectSpec rollouts = new ObjectSpec()
                .integer("log_every", false, 1, 10_000_000);
        return new ObjectSpec()
                .integer("schema", true, VERSION, VERSION)
                .string("name", true)
                .string("description", false)
                .string("base_model", true)
                .integer("seed", true, Long.MIN_VALUE, Long.MAX_VALUE)
                .choice("device", false, DEVICES)
                .object("task", true, task)
                .object("method", true, method)
                .object("eval", true, eval)
                .object("checkpoint", true, checkpoint)
                .object("rollouts", false, rollouts);
    }
}
