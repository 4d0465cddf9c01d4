package org.tessera.engine.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The model card's promise: the pretraining command, rerun from scratch, reproduces the checkpoint; and a run killed
 * after a checkpoint and resumed ends with the same weights and the same metrics lines as one that never stopped.
 */
class PretrainReproducibilityTest {
    private static final String CONFIG = """
            {"schema": 1, "name": "repro", "seed": 5,
             "model": {"hidden_size": 32, "num_layers": 1, "num_heads": 2, "intermediate_size": 64,
                       "max_text_positions": 256, "image_size": 48, "patch_size": 16, "max_images": 16},
             "steps": 6, "batch_size": 4, "lr": 0.001, "warmup_steps": 2, "min_lr_ratio": 0.1,
             "weight_decay": 0.01, "grad_clip": 1.0, "eval_every": 0, "eval_n": 2,
             "checkpoint_every": 3, "keep_checkpoints": 4,
             "data": {"curriculum": {"start_objects": 1, "end_objects": 5, "ramp_steps": 4}}}
            """;

    @Test
    void fromScratchTwiceAndKilledThenResumedGiveTheSameWeights(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("pretrain.json");
        Files.writeString(config, CONFIG);
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, pretrain(config, a));
        assertEquals(0, pretrain(config, b));
        byte[] weights = Files.readAllBytes(a.resolve("model.safetensors"));
        assertTrue(Arrays.equals(weights, Files.readAllBytes(b.resolve("model.safetensors"))),
                () -> "two runs from scratch must give bit-identical weights; " + firstDifference(a, b));

        // "kill" b after its step-3 checkpoint: drop everything written later, then resume
        deleteTree(b.resolve("checkpoints").resolve("step-0000006"));
        Files.delete(b.resolve("model.safetensors"));
        List<String> fullMetrics = Files.readAllLines(a.resolve("metrics.jsonl"));
        assertEquals(0, pretrain(config, b));
        assertTrue(Arrays.equals(weights, Files.readAllBytes(b.resolve("model.safetensors"))),
                "a resumed run must end with the uninterrupted run's weights");
        List<String> resumed = Files.readAllLines(b.resolve("metrics.jsonl"));
        assertEquals(withoutWallTimes(fullMetrics), withoutWallTimes(resumed), "metrics: no step duplicated or missing after resume");
        assertFalse(fullMetrics.isEmpty());
    }

    private static int pretrain(Path config, Path out) {
        return new CommandLine(new PretrainCommand()).execute("--config", config.toString(), "--out", out.toString(),
                "--no-progress");
    }

    /**
     * Where two runs parted, for the message: the first metrics line (wall times aside) that differs, or that the
     * metrics agree (then the weights differ after the last logged step). Seen once on CI (2026-12-05) and not again
     * in 100 local repeats: this says at which step a rare difference begins.
     */
    private static String firstDifference(Path a, Path b) {
        try {
            List<String> x = withoutWallTimes(Files.readAllLines(a.resolve("metrics.jsonl")));
            List<String> y = withoutWallTimes(Files.readAllLines(b.resolve("metrics.jsonl")));
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!x.get(i).equals(y.get(i))) {
                    return "metrics line " + (i + 1) + " differs:\n  " + x.get(i) + "\n  " + y.get(i);
                }
            }
            return x.size() == y.size() ? "the metrics lines agree" : "metrics: " + x.size() + " vs " + y.size() + " lines";
        } catch (java.io.IOException e) {
            return "metrics unreadable: " + e.getMessage();
        }
    }

    /** The metrics lines with their wall-clock times removed: everything else must match exactly. */
    private static List<String> withoutWallTimes(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll(",\"wall_s\":[0-9.eE-]+", "")).toList();
    }

    private static void deleteTree(Path p) throws Exception {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
