package org.tessera.engine.model.tiny;

import org.junit.jupiter.api.Test;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the KV cache, rows that have emitted EOS are dropped from the cache mid-generation. A trained model is needed
 * for rows to end at different times, so this uses the shipped one on world questions (short answers and longer
 * reasoned ones), and checks every sample against the cache-free path, which never drops rows.
 */
class RowCompactionTest {

    @Test
    void droppingFinishedRowsChangesNoSample() {
        Path dir = Path.of("..").resolve(ModelLoader.DEFAULT_MODEL);
        try (TrainableModel model = ModelLoader.load(dir.toFile().isDirectory() ? dir : ModelLoader.defaultModelDir(), true)) {
            List<Prompt> prompts = new ArrayList<>();
            for (List<KnowledgeItem> family : KnowledgeSuite.heldOutItems(4, KnowledgeSuite.DEFAULT_SEED).values()) {
                for (KnowledgeItem item : family) {
                    prompts.add(item.prompt());
                }
            }
            GenerationOptions opts = GenerationOptions.sampling(24, 1.0f, 4, 5);
            List<List<Generation>> cached = model.generate(prompts, opts);
            List<List<Generation>> full = model.generate(prompts, opts.withKvCache(false));
            int ended = 0;
            int lengths = 0;
            for (int i = 0; i < prompts.size(); i++) {
                for (int j = 0; j < 4; j++) {
                    Generation a = cached.get(i).get(j);
                    assertArrayEquals(full.get(i).get(j).tokens(), a.tokens(), "prompt " + i + " sample " + j);
                    assertEquals(full.get(i).get(j).logProb(), a.logProb(), 1e-3);
                    ended += a.stoppedAtEos() ? 1 : 0;
                    lengths += a.tokens().length;
                }
            }
            // rows must really end at different times, or nothing was compacted
            assertTrue(ended > prompts.size() * 2, "most samples end with EOS: " + ended);
            assertTrue(lengths < prompts.size() * 4 * 24, "samples shorter than the limit");
        }
    }
}
