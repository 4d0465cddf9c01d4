package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorldPretrainStreamTest {

    @Test
    void batchesArePureFunctionsOfSeedAndStep() {
        PretrainStream a = new PretrainStream(42);
        PretrainStream b = new PretrainStream(42);
        b.seek(3);
        List<KnowledgeItem> fromCursor = b.next(16);
        List<KnowledgeItem> direct = a.batch(3, 16);
        for (int i = 0; i < 16; i++) {
            assertEquals(direct.get(i).id(), fromCursor.get(i).id());
            assertEquals(direct.get(i).target(), fromCursor.get(i).target());
        }
        assertEquals(4, b.cursor());
        assertTrue(!a.batch(4, 16).get(0).id().equals(direct.get(0).id())
                || !a.batch(4, 16).get(0).question().equals(direct.get(0).question()));
    }

    @Test
    void familiesFollowTheWeights() {
        Map<String, Double> w = new java.util.LinkedHashMap<>();
        w.put("grounding", 3.0);
        w.put("text", 1.0);
        w.put("reading", 0.0);
        PretrainStream s = new PretrainStream(5, w, Curriculum.none());
        Map<String, Integer> counts = new HashMap<>();
        for (long step = 0; step < 20; step++) {
            for (KnowledgeItem item : s.batch(step, 50)) {
                counts.merge(item.family(), 1, Integer::sum);
                assertTrue(item.id().startsWith("train/"));
            }
        }
        assertEquals(2, counts.size(), counts.toString());
        double g = counts.get("grounding") / 1000.0;
        assertTrue(g > 0.70 && g < 0.80, "grounding share " + g);
        assertThrows(IllegalArgumentException.class, () -> new PretrainStream(1, Map.of("reading", 0.0), Curriculum.none()));
    }

    @Test
    void curriculumCapsObjectsThenReleasesThem() {
        Curriculum c = new Curriculum(1, 5, 1000);
        assertEquals(1, c.maxObjects(0));
        assertEquals(5, c.maxObjects(1000));
        assertTrue(c.maxObjects(500) > 1 && c.maxObjects(500) < 5);
        Map<String, Double> w = Map.of("perception", 1.0);
        PretrainStream s = new PretrainStream(8, w, c);
        int maxEarly = 0;
        int maxLate = 0;
        for (int step = 0; step < 5; step++) {
            for (KnowledgeItem item : s.batch(step, 40)) {
                maxEarly = Math.max(maxEarly, shapeCells(item));
            }
            for (KnowledgeItem item : s.batch(2000 + step, 40)) {
                maxLate = Math.max(maxLate, shapeCells(item));
            }
        }
        assertEquals(1, maxEarly);
        assertEquals(5, maxLate);
    }

    /** Counts the cells whose centre pixel is a shape colour, read back from the picture. */
    private static int shapeCells(KnowledgeItem item) {
        int n = 0;
        for (int cell = 1; cell <= 9; cell++) {
            int p = item.image().getRGB(Grid.left(cell) + 8, Grid.top(cell) + 8) & 0xFFFFFF;
            for (Colour c : Colour.values()) {
                if (p == c.rgb()) {
                    n++;
                }
            }
        }
        return n;
    }
}
