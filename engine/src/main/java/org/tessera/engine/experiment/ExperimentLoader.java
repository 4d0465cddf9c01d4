package org.tessera.engine.experiment;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.config.JsonErrors;
import org.tessera.engine.config.Problem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an experiment file, reports every problem (syntax with line and column; unknown fields, wrong types and
 * out-of-range values with their JSON path; contradictions between fields), and resolves defaults.
 */
public final class ExperimentLoader {
    static final ObjectMapper JSON = TesseraJson.INDENTED;
    /** Held-out puzzles are the same for every run unless an experiment says otherwise, so runs compare. */
    public static final long DEFAULT_TEST_SEED = 20_260_001L;

    private ExperimentLoader() {
    }

    public static Experiment load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ExperimentException(file, List.of(new Problem("$", "file not found")));
        }
        try {
            return parse(Files.readString(file), file);
        } catch (IOException e) {
            throw new ExperimentException(file, List.of(new Problem("$", "cannot read: " + e.getMessage())));
        }
    }

    /**
     * Whether a JSON file is meant as an experiment (it has a {@code method}), as opposed to another config in the
     * same folder such as a pretraining config; an unreadable file counts as one, so its problems get shown.
     */
    public static boolean isExperimentFile(Path file) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return n == null || !n.isObject() || n.has("method");
        } catch (IOException e) {
            return true;
        }
    }

    /** Problems of a JSON text (empty list = valid); what the workbench's form shows inline. */
    public static List<Problem> problems(String json) {
        try {
            parse(json, Path.of("<editor>"));
            return List.of();
        } catch (ExperimentException e) {
            return e.problems();
        }
    }

    public static Experiment parse(String json, Path nameForMessages) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            String where = java.util.Objects.requireNonNullElse(JsonErrors.location(e), "$");
            throw new ExperimentException(nameForMessages, List.of(new Problem(where, "not valid JSON: "
                    + e.getOriginalMessage())));
        }
        List<Problem> problems = new ArrayList<>(ExperimentSchema.spec().validate(root, "$"));
        if (problems.isEmpty()) {
            problems.addAll(crossChecks(root));
        }
        if (!problems.isEmpty()) {
            throw new ExperimentException(nameForMessages, problems);
        }
        try {
            return withDefaults(JSON.treeToValue(root, Experiment.class));
        } catch (JsonProcessingException e) {
            throw new ExperimentException(nameForMessages, List.of(new Problem("$", e.getOriginalMessage())));
        }
    }

    private static List<Problem> crossChecks(JsonNode root) {
        List<Problem> p = new ArrayList<>();
        JsonNode task = root.get("task");
        String[] grid = task.get("grid").asText().split("x");
        int rows = Integer.parseInt(grid[0]);
        int cols = Integer.parseInt(grid[1]);
        if (rows * cols < 2) {
            p.add(new Problem("$.task.grid", "a puzzle needs at least 2 tiles"));
        }
        int size = task.path("image_size").asInt(48);
        if (size % rows != 0 || size % cols != 0) {
            p.add(new Problem("$.task.image_size", size + " is not divisible by the grid " + rows + "x" + cols));
        }
        JsonNode method = root.get("method");
        String kind = method.get("kind").asText();
        if (!MethodKind.ids().contains(kind)) {
            return p; // the schema has reported it
        }
        MethodKind mk = MethodKind.of(kind);
        if (mk == MethodKind.SFT && !method.has("sft")) {
            p.add(new Problem("$.method.sft", "required when method.kind is \"sft\""));
        }
        if (mk.hasGrpoPhase() && !method.has("grpo")) {
            p.add(new Problem("$.method.grpo", "required when method.kind is \"" + kind + "\""));
        }
        if (method.has("harvest") && mk != MethodKind.RFT_THEN_SFT) {
            p.add(new Problem("$.method.harvest", "only for method.kind \"rft-then-sft\" (plain SFT on self-rollouts "
                    + "names its data with method.sft)"));
        }
        if (mk == MethodKind.RFT_THEN_SFT && !method.has("sft_steps")) {
            p.add(new Problem("$.method.sft_steps", "required when method.kind is \"rft-then-sft\" (steps of the SFT phase)"));
        }
        JsonNode sft = method.get("sft");
        if (mk == MethodKind.SFT && sft != null && "self-rollouts".equals(sft.path("data").asText())
                && !sft.has("rollouts_file") && !sft.has("harvest_from")) {
            p.add(new Problem("$.method.sft", "data \"self-rollouts\" needs rollouts_file (an earlier run's "
                    + "rollouts.jsonl) or harvest_from (a checkpoint to sample from)"));
        }
        JsonNode eval = root.get("eval");
        boolean benchmarks = ExperimentSchema.BENCHMARKS_SUITE.equals(eval.path("knowledge_suite").asText());
        if (benchmarks && (!eval.has("benchmarks") || eval.get("benchmarks").asText().isBlank())) {
            p.add(new Problem("$.eval.benchmarks", "required when knowledge_suite is \"benchmarks\" (a folder of "
                    + "VLMEvalKit .tsv or .jsonl files)"));
        }
        if (!benchmarks && eval.has("benchmarks")) {
            p.add(new Problem("$.eval.benchmarks", "only for knowledge_suite \"benchmarks\" (the default suite is the "
                    + "built-in world)"));
        }
        JsonNode grpo = method.get("grpo");
        if (grpo != null && "custom".equals(grpo.path("reward").asText()) && !grpo.has("reward_weights")) {
            p.add(new Problem("$.method.grpo.reward_weights", "required when reward is \"custom\""));
        }
        return p;
    }

    private static Experiment withDefaults(Experiment e) {
        Experiment.Task t = e.task();
        Experiment.Task task = new Experiment.Task(t.grid(), t.source(), or(t.presentation(), "composite"),
                or(t.gridLines(), false), t.prompt(), or(t.imageSize(), 48), t.trainSize(), t.testSize(),
                or(t.trainSeed(), e.seed()), or(t.testSeed(), DEFAULT_TEST_SEED));
        Experiment.Method m = e.method();
        Experiment.Grpo g = m.grpo();
        Experiment.Grpo grpo = g == null ? null : new Experiment.Grpo(g.groupSize(), g.promptsPerStep(),
                or(g.temperature(), 1.0), or(g.maxNewTokens(), 32), or(g.clipEps(), 0.2), or(g.klBeta(), 0.04),
                or(g.loss(), "grpo"), or(g.reward(), "paper"), g.rewardWeights());
        Experiment.Sft s = m.sft();
        Experiment.Sft sft = s == null ? null : new Experiment.Sft(s.data(), s.rolloutsFile(), s.harvestFrom(),
                or(s.harvestSamples(), 8), or(s.harvestTemperature(), 1.0));
        if (sft == null && m.methodKind() == MethodKind.RFT_THEN_SFT) {
            sft = new Experiment.Sft("self-rollouts", null, null, null, null);
        }
        Experiment.Method method = new Experiment.Method(m.kind(), m.steps(), m.sftSteps(), or(m.batchSize(), 16),
                m.lr(), m.methodKind() == MethodKind.RFT_THEN_SFT ? or(m.sftLr(), m.lr()) : m.sftLr(), or(m.warmupSteps(), 0), or(m.minLrRatio(), 1.0), or(m.weightDecay(), 0.0),
                or(m.gradClip(), 1.0), sft, grpo, m.lora() == null ? null : new Experiment.Lora(m.lora().rank(),
                        or(m.lora().alpha(), 2.0 * m.lora().rank()), or(m.lora().dropout(), 0.0),
                        or(m.lora().targetModules(), "q_proj,k_proj,v_proj,o_proj")), harvestDefaults(m));
        Experiment.Eval ev = e.eval();
        Experiment.Eval eval = new Experiment.Eval(ev.every(), or(ev.jigsawN(), 50), or(ev.knowledgeN(), 30),
                or(ev.klProbeN(), 32), or(ev.maxNewTokens(), 48),
                or(ev.knowledgeSuite(), ExperimentSchema.WORLD_SUITE), ev.benchmarks());
        Experiment.Checkpoint ck = new Experiment.Checkpoint(e.checkpoint().every(), or(e.checkpoint().keep(), 2));
        Experiment.Rollouts ro = new Experiment.Rollouts(e.rollouts() == null ? 10 : or(e.rollouts().logEvery(), 10));
        return new Experiment(e.schema(), e.name(), e.description(), e.baseModel(), e.seed(), or(e.device(), "auto"),
                task, method, eval, ck, ro);
    }

    /** rft-then-sft's harvest with every default filled in; absent for the other methods. */
    private static Experiment.Harvest harvestDefaults(Experiment.Method m) {
        if (m.methodKind() != MethodKind.RFT_THEN_SFT) {
            return null;
        }
        Experiment.Harvest h = m.harvest() == null
                ? new Experiment.Harvest(null, null, null, null, null, null) : m.harvest();
        return new Experiment.Harvest(or(h.from(), "policy"), or(h.puzzles(), 1000), or(h.samples(), 8),
                or(h.temperature(), 1.0), or(h.perPuzzle(), 1), or(h.perAnswer(), 0));
    }

    private static <T> T or(T v, T dflt) {
        return v == null ? dflt : v;
    }

    public static String toJson(Experiment e) {
        try {
            return JSON.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
