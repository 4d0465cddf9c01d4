package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.train.AdamW;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LoRA: starts at the base, trains only adapters, saves as PEFT next to a base reference, reloads, merges. */
class QwenLoraTest {
    @Test
    void adaptersTrainSaveReloadAndMerge(@TempDir Path tmp) throws Exception {
        Path base = QwenFixtures.fp32();
        BufferedImage img = QwenFixtures.image(base);
        QwenLora.Settings s = new QwenLora.Settings(4, 8, 0.1, List.of("q_proj", "v_proj", "down_proj"));
        try (QwenVl plain = QwenVl.load(base, true); QwenVl m = QwenVl.loadWithLora(base, s, 1)) {
            QwenSequence seq = m.encode(Prompt.of(img, "which tile?"));
            float[] start = plain.logits(List.of(seq));
            assertEquals(0.0, QwenFixtures.maxAbsDiff(start, m.logits(List.of(seq))), "B = 0: the base model exactly");
            Map<String, NDArray> params = m.parameters();
            assertEquals(2 * 3 * 2, params.size(), "A and B of 3 modules in 2 layers");
            assertTrue(params.containsKey("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"));
            try (AdamW adam = AdamW.standard(params, 0f)) {
                for (int step = 0; step < 3; step++) {
                    try (NDManager sm = m.manager().newSubManager();
                         GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        TokenLogProbs lp = m.completionLogProbs(sm, List.of(Prompt.of(img, "which tile?")),
                                List.of(m.encodeCompletion("<answer>1 2 4 3</answer>")), false);
                        gc.backward(lp.logProbs().mul(lp.mask()).sum().neg());
                    }
                    adam.step(1e-2f, 1f);
                }
            }
            float[] trained = m.logits(List.of(seq));
            assertTrue(QwenFixtures.maxAbsDiff(start, trained) > 1e-4, "the adapters moved the model");
            assertEquals(0.0, QwenFixtures.maxAbsDiff(start, plain.logits(List.of(seq))), "the base is untouched");

            Path adapter = tmp.resolve("adapter");
            m.save(adapter);
            assertTrue(Files.isRegularFile(adapter.resolve("adapter_config.json")));
            assertTrue(Files.readString(adapter.resolve("adapter_config.json")).contains(base.toAbsolutePath().toString()));
            try (TrainableModel back = ModelLoader.load(adapter, true)) {
                QwenVl q = (QwenVl) back;
                assertTrue(QwenFixtures.maxAbsDiff(trained, q.logits(List.of(seq))) < 1e-6, "adapter folder reloads");
            }
            // PEFT on transformers 5 names the modules model.language_model.layers.*: read those keys too
            Path t5 = tmp.resolve("adapter-t5");
            Files.createDirectories(t5);
            Files.copy(adapter.resolve("adapter_config.json"), t5.resolve("adapter_config.json"));
            Map<String, org.tessera.engine.model.HostTensor> renamed = new java.util.LinkedHashMap<>();
            org.tessera.engine.model.Safetensors.read(adapter.resolve("adapter_model.safetensors")).forEach((k, v) ->
                    renamed.put(k.replace("base_model.model.model.layers.", "base_model.model.model.language_model.layers."), v));
            org.tessera.engine.model.Safetensors.write(t5.resolve("adapter_model.safetensors"), renamed, Map.of());
            try (TrainableModel back = ModelLoader.load(t5, true)) {
                assertTrue(QwenFixtures.maxAbsDiff(trained, ((QwenVl) back).logits(List.of(seq))) < 1e-6);
            }
            try (QwenVl frozen = m.frozenCopy()) {
                assertTrue(QwenFixtures.maxAbsDiff(trained, frozen.logits(List.of(seq))) < 1e-6);
            }
            m.mergeLora();
            assertTrue(QwenFixtures.maxAbsDiff(trained, m.logits(List.of(seq))) < 1e-4, "merged = base + adapters");
        }
    }
}
