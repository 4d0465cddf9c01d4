package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.TokenLogProbs;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loss and gradients of the fixture's training example against transformers'. */
class QwenTrainingParityTest {
    @Test
    void lossGradNormAndStoredGradientsMatch() throws Exception {
        Path dir = QwenFixtures.fp32();
        try (QwenVl model = QwenVl.load(dir, false)) {
            model.ropeIndex(RopeIndex.SEQUENTIAL); // how the reference was computed (see RopeIndex)
            long[] ids = QwenFixtures.refLong(dir, "train_input_ids");
            long[] labels = QwenFixtures.refLong(dir, "train_labels");
            int p = 0;
            while (labels[p] == -100) {
                p++;
            }
            int[] all = Arrays.stream(ids).mapToInt(v -> (int) v).toArray();
            JsonNode prompt = QwenFixtures.prompt(dir);
            QwenSequence s = model.encodeRaw(prompt.get("prompt").asText(), List.of(QwenFixtures.image(dir)));
            assertTrue(Arrays.equals(s.prompt(), Arrays.copyOf(all, p)), "prompt tokens equal the reference's");
            QwenSequence train = s.withCompletion(Arrays.copyOfRange(all, p, all.length));
            double loss;
            Map<String, NDArray> params = model.parameters();
            try (NDManager m = model.manager().newSubManager();
                 GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                TokenLogProbs lp = model.sequenceLogProbs(m, List.of(train), false, false);
                NDArray l = lp.logProbs().mul(lp.mask()).sum().div(lp.mask().sum()).neg();
                loss = l.getFloat();
                gc.backward(l);
            }
            double refLoss = QwenFixtures.ref(dir, "loss").data()[0];
            System.out.printf("loss %.8f ref %.8f rel %.2e%n", loss, refLoss, Math.abs(loss - refLoss) / refLoss);
            assertTrue(Math.abs(loss - refLoss) <= 1e-5 * Math.abs(refLoss), "loss " + loss + " vs " + refLoss);
            double sq = 0;
            for (NDArray a : params.values()) {
                float[] g = a.getGradient().toFloatArray();
                for (float v : g) {
                    sq += (double) v * v;
                }
            }
            double norm = Math.sqrt(sq);
            double refNorm = QwenFixtures.ref(dir, "grad_norm").data()[0];
            System.out.printf("grad norm %.8f ref %.8f rel %.2e%n", norm, refNorm, Math.abs(norm - refNorm) / refNorm);
            assertTrue(Math.abs(norm - refNorm) <= 1e-4 * refNorm, "grad norm " + norm + " vs " + refNorm);
            for (String name : List.of("grad.model.visual.blocks.0.attn.qkv.weight",
                    "grad.model.language_model.layers.0.self_attn.q_proj.weight",
                    "grad.model.visual.merger.mlp.0.weight", "grad.lm_head.weight")) {
                HostTensor ref = QwenFixtures.ref(dir, name);
                float[] got = params.get(QwenVlLayout.canonical(name.substring("grad.".length())))
                        .getGradient().toFloatArray();
                double diffSq = 0;
                double refSq = 0;
                for (int i = 0; i < got.length; i++) {
                    diffSq += Math.pow(got[i] - ref.data()[i], 2);
                    refSq += Math.pow(ref.data()[i], 2);
                }
                double rel = Math.sqrt(diffSq / refSq);
                System.out.printf("%s relative error %.2e%n", name, rel);
                assertTrue(rel <= 1e-4, name + " relative error " + rel);
            }
        }
    }
}
