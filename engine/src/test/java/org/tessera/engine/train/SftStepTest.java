package org.tessera.engine.train;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SftStepTest {
    static TinyVlm newModel() {
        TinyTokenizer tok = TinyTokenizer.build(List.of("yes", "no", "is", "it", "red", "blue"));
        TinyVlmConfig c = new TinyVlmConfig(TinyVlmConfig.ARCHITECTURE, "t", tok.vocabSize(), 32, 2, 4, 64, 32, 16,
                8, 2, 1e-5f, 0.05f);
        return TinyVlm.create(c, tok, 3);
    }

    @Test
    void lossFallsWhenFittingASmallSet() {
        try (TinyVlm model = newModel(); AdamW opt = AdamW.standard(model.parameters(), 0f)) {
            List<Prompt> prompts = List.of(Prompt.text("is it red"), Prompt.text("is it blue"));
            List<int[]> targets = List.of(model.encodeCompletion("<answer>yes</answer>"),
                    model.encodeCompletion("<answer>no</answer>"));
            SftStep step = new SftStep(model, opt);
            double first = step.run(0, prompts, targets, 3e-3f, 1f).loss();
            double last = first;
            for (int i = 1; i < 60; i++) {
                last = step.run(i, prompts, targets, 3e-3f, 1f).loss();
            }
            assertTrue(last < first * 0.1, "loss " + first + " -> " + last);
            assertEquals("<answer>yes</answer>", model.generate(List.of(prompts.get(0)),
                    org.tessera.engine.model.GenerationOptions.greedy(8)).get(0).get(0).text());
        }
    }

    @Test
    void nanLossIsReportedAsDivergence() {
        try (TinyVlm model = newModel(); AdamW opt = AdamW.standard(model.parameters(), 0f)) {
            // poison one weight: the forward pass then yields NaN
            var snapshot = model.weightsSnapshot();
            snapshot.get("final_norm.bias").data()[0] = Float.NaN;
            model.loadWeights(snapshot);
            SftStep step = new SftStep(model, opt);
            DivergedException e = assertThrows(DivergedException.class, () -> step.run(17,
                    List.of(Prompt.text("is it red")), List.of(model.encodeCompletion("yes")), 1e-3f, 1f));
            assertEquals(17, e.step());
            assertTrue(e.getMessage().contains("diverged at step 17"));
        }
    }

    @Test
    void memoryStaysFlatOver1000Steps() throws Exception {
        try (TinyVlm model = newModel(); AdamW opt = AdamW.standard(model.parameters(), 0.01f)) {
            List<Prompt> prompts = new ArrayList<>();
            List<int[]> targets = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                prompts.add(i % 2 == 0 ? Prompt.text("is it red") : Prompt.of(
                        new java.awt.image.BufferedImage(16, 16, java.awt.image.BufferedImage.TYPE_INT_RGB), "is it"));
                targets.add(model.encodeCompletion(i % 3 == 0 ? "yes" : "<answer>no</answer>"));
            }
            SftStep step = new SftStep(model, opt);
            NDManager modelManager = model.parameters().values().iterator().next().getManager();
            int arraysBefore = -1;
            long rssBefore = 0;
            for (int i = 0; i < 1000; i++) {
                step.run(i, prompts, targets, 1e-3f, 1f);
                if (i == 199) {
                    arraysBefore = modelManager.getManagedArrays().size();
                    rssBefore = rssKb();
                }
                if (i % 100 == 99) {
                    System.out.println("step " + (i + 1) + " rss " + rssKb() + " kB heap "
                            + (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1024 + " kB");
                }
            }
            int arraysAfter = modelManager.getManagedArrays().size();
            long rssAfter = rssKb();
            assertEquals(arraysBefore, arraysAfter, "arrays held by the model's manager");
            // 900 steps of leaking even one small array per step would show; allow allocator noise only
            assertTrue(rssAfter - rssBefore < 64 * 1024, "RSS grew by " + (rssAfter - rssBefore) + " kB");
        }
    }

    static long rssKb() throws Exception {
        System.gc(); // the Java heap's garbage is not what this test is about
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return 0;
    }
}
