package org.tessera.engine.runs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.qwen2_5_vl.QwenVl;
import org.tessera.engine.train.JsonlFiles;
import org.tessera.engine.train.TrainerCheckpoint;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SFT and GRPO runs of 3 steps on the tiny Qwen2.5-VL fixture, through the same worker as the built-in model. */
class QwenRunTest {
    @TempDir
    Path tmp;

    static Path fixture() throws Exception {
        return Path.of(QwenRunTest.class.getResource("/hf/qwen2_5_vl-tiny/config.json").toURI()).getParent();
    }

    RunFolder run(String kind) throws Exception {
        return run(kind, false);
    }

    RunFolder run(String kind, boolean lora) throws Exception {
        // 2x2 tiles of 28 x 28 pixels: Qwen2.5-VL sees each tile as exactly one merged token
        String json = TinyRunFixture.experiment(fixture(), kind, 3).replace("\"prompt\": \"answer-only\",",
                "\"prompt\": \"answer-only\", \"image_size\": 56,");
        assertTrue(json.contains("\"image_size\": 56"), json);
        if (lora) {
            json = json.replace("\"kind\": \"" + kind + "\",", "\"kind\": \"" + kind + "\", \"lora\": {\"rank\": 2, "
                    + "\"alpha\": 8, \"target_modules\": \"q_proj,v_proj,down_proj\"},");
            assertTrue(json.contains("lora"), json);
        }
        Experiment e = ExperimentLoader.parse(json, Path.of(kind));
        RunFolder f = RunManager.createFolder(tmp.resolve("runs-" + kind + (lora ? "-lora" : "")), e);
        int rc = new RunWorker(() -> new JigsawMethod(KnowledgeSetups.world(), tmp)).run(f.dir());
        assertEquals(0, rc, Files.exists(f.logFile()) ? Files.readString(f.logFile()) : "no log");
        assertEquals(RunState.FINISHED, f.info().state());
        List<Long> train = new ArrayList<>();
        for (JsonNode n : JsonlFiles.read(f.metricsFile())) {
            if ("train".equals(n.path("event").asText())) {
                train.add(n.get("step").asLong());
                assertTrue(Double.isFinite(n.path("loss").asDouble(Double.NaN)) || n.has("reward_mean"), n.toString());
            }
        }
        assertEquals(List.of(1L, 2L, 3L), train);
        Path ck = TrainerCheckpoint.latest(f.checkpointsDir()).orElseThrow();
        // the checkpoint is a Hugging Face folder: it reloads as Qwen2.5-VL, and its weights moved from the base
        float[] trained;
        float[] base;
        BufferedImage img = new BufferedImage(56, 56, BufferedImage.TYPE_INT_RGB);
        try (var m = ModelLoader.load(ck, true); QwenVl b = QwenVl.load(fixture(), true)) {
            assertTrue(m instanceof QwenVl, m.getClass().toString());
            QwenVl q = (QwenVl) m;
            trained = q.logits(List.of(q.encode(Prompt.of(img, "where does tile 1 go?"))));
            base = b.logits(List.of(b.encode(Prompt.of(img, "where does tile 1 go?"))));
        }
        double moved = 0;
        for (int i = 0; i < trained.length; i++) {
            moved = Math.max(moved, Math.abs(trained[i] - base[i]));
        }
        if (kind.equals("sft")) { // GRPO with equal rewards in every group has zero advantages: no update
            assertTrue(moved > 1e-6, "training changed the logits");
        }
        return f;
    }

    @Test
    void sftRunOfThreeSteps() throws Exception {
        run("sft");
    }

    @Test
    void loraSftRunCheckpointsAdaptersThatReloadOnTheBase() throws Exception {
        RunFolder f = run("sft", true);
        Path ck = TrainerCheckpoint.latest(f.checkpointsDir()).orElseThrow();
        assertTrue(Files.isRegularFile(ck.resolve("adapter_config.json")), "the checkpoint is an adapter folder");
        assertFalse(Files.exists(ck.resolve("model.safetensors")), "without a copy of the base weights");
    }

    @Test
    void aPuzzleSizeThatWouldBeResizedIsRefusedWithTheReason() throws Exception {
        Experiment e = ExperimentLoader.parse(TinyRunFixture.experiment(fixture(), "sft", 3), Path.of("x"));
        IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> JigsawMethod.checkTileSize(e));
        assertTrue(ex.getMessage().contains("task.image_size 48") && ex.getMessage().contains("multiple of 56")
                && ex.getMessage().contains("224"), ex.getMessage());
    }

    @Test
    void grpoRunOfThreeStepsLogsRollouts() throws Exception {
        RunFolder f = run("grpo");
        List<JsonNode> rollouts = JsonlFiles.read(f.rolloutsFile());
        assertFalse(rollouts.isEmpty(), "rollouts were logged");
    }
}
