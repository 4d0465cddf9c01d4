package org.tessera.app.runs;

import org.tessera.app.session.RunsWorkspace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Helpers for tests that start REAL worker processes (a JVM running the engine on the shipped model): a shortened
 * copy of {@code sample-configs/quick-demo.json}, and clean-up of the workers a test started.
 */
public final class LiveRuns {
    /** Generous: a worker JVM starts, loads the model and evaluates; CI machines have 2 shared cores. */
    public static final int TIMEOUT_S = 180;
    /** The card the window's (faked) model service reports: the window's own model view is not under test. */
    public static final ModelCard CARD = new ModelCard("tessera-tiny", "tessera-tiny-vlm", 1, 96, "cpu()",
            "/models/tessera-tiny", Map.of(), Map.of());
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveRuns() {
    }

    /** The repository root (the folder holding {@code sample-configs/}), found from the working directory. */
    public static Path projectRoot() {
        Path samples = RunsWorkspace.findSamples(Path.of(""));
        if (samples == null) {
            throw new IllegalStateException("no sample-configs/ above " + Path.of("").toAbsolutePath());
        }
        return samples.getParent();
    }

    public static Path samplesDir() {
        return projectRoot().resolve("sample-configs");
    }

    /**
     * {@code quick-demo.json} with a new name and few, cheap steps: evaluation every {@code evalEvery} steps on a
     * handful of items, the base model given as an absolute path (tests run in {@code app/}, not the repository
     * root). Everything else (task, method, learning rate) is the sample's.
     */
    public static Path quickDemoCopy(Path dir, String name, int steps, int evalEvery) throws IOException {
        ObjectNode e = (ObjectNode) JSON.readTree(samplesDir().resolve("quick-demo.json").toFile());
        e.put("name", name);
        e.put("base_model", projectRoot().resolve(e.get("base_model").asText()).toAbsolutePath().toString());
        ObjectNode task = (ObjectNode) e.get("task");
        task.put("train_size", 256);
        task.put("test_size", 8);
        ObjectNode method = (ObjectNode) e.get("method");
        method.put("steps", steps);
        method.put("batch_size", 8);
        method.put("warmup_steps", 2);
        ObjectNode eval = (ObjectNode) e.get("eval");
        eval.put("every", evalEvery);
        eval.put("jigsaw_n", 4);
        eval.put("knowledge_n", 2);
        eval.put("kl_probe_n", 2);
        ((ObjectNode) e.get("checkpoint")).put("every", Math.max(evalEvery, 4));
        Path file = Files.createDirectories(dir).resolve(name + ".json");
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(e));
        return file;
    }

    /** Events of one kind ("train", "eval") in a run's metrics.jsonl, as written by its worker. */
    public static List<JsonNode> events(RunFolder run, String kind) throws IOException {
        if (!Files.isRegularFile(run.metricsFile())) {
            return List.of();
        }
        return Files.readAllLines(run.metricsFile()).stream().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        }).filter(n -> kind.equals(n.path("event").asText())).collect(Collectors.toList());
    }

    /** The worker's log, for assertion messages. */
    public static String log(RunFolder run) {
        try {
            return Files.isRegularFile(run.logFile()) ? Files.readString(run.logFile()) : "(no worker.log)";
        } catch (IOException e) {
            return "(worker.log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * The live worker process of a run, from the pid its worker wrote to run.json, checked to be a child of this
     * JVM (so a test never touches a process it did not start).
     */
    public static ProcessHandle worker(RunFolder run) {
        RunInfo info = run.info();
        ProcessHandle p = ProcessHandle.of(info.pid())
                .orElseThrow(() -> new AssertionError("no live process with pid " + info.pid() + " (run.json)"));
        if (ProcessHandle.current().descendants().noneMatch(d -> d.pid() == p.pid())) {
            throw new AssertionError("pid " + p.pid() + " from run.json is not a worker this test started");
        }
        return p;
    }

    /** Kills (SIGKILL) every worker this JVM started that is still running; tests call it when they end. */
    public static void killWorkers() {
        List<ProcessHandle> children = ProcessHandle.current().children().toList();
        for (ProcessHandle child : children) {
            child.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            try {
                child.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception e) {
                // reported by the next test's assertions, if it matters
            }
        }
    }

    /** Waits up to {@link #TIMEOUT_S} for a condition; on time-out, the failure says what the worker logged. */
    public static void waitFor(String what, RunFolder run, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_S, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; run.json: "
                    + run.readInfo().map(Object::toString).orElse("(none)") + "\nworker.log:\n" + log(run), e);
        }
    }
}
