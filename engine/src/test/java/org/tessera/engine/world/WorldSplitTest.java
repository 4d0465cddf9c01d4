package org.tessera.engine.world;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Train and held-out never share a picture, whatever the seeds; text sums never share operands. */
class WorldSplitTest {

    @Test
    void trainAndHeldOutShareNoSceneNorImage() {
        Set<String> trainScenes = new HashSet<>();
        Set<String> trainImages = new HashSet<>();
        // the pretraining stream itself, early (curriculum: few objects, where collisions are likeliest) and late
        PretrainStream stream = new PretrainStream(1);
        for (long step = 0; step < 40; step++) {
            for (KnowledgeItem item : stream.batch(step, 64)) {
                if (item.image() != null) {
                    trainImages.add(imageKey(item));
                }
            }
        }
        for (KnowledgeFamily f : Families.all()) {
            for (WorldExample e : WorldTestData.examples(f, Split.TRAIN, 1, 1500)) {
                if (e.scene() != null) {
                    trainScenes.add(e.scene().contentKey());
                    trainImages.add(imageKey(e.item()));
                }
            }
        }
        int heldOut = 0;
        int sameSeedWouldCollide = 0;
        for (KnowledgeFamily f : Families.all()) {
            for (WorldExample e : WorldTestData.examples(f, Split.HELD_OUT, 1, 500)) {
                if (e.scene() == null) {
                    continue;
                }
                heldOut++;
                assertTrue(!trainScenes.contains(e.scene().contentKey()), "shared scene " + e.scene().contentKey());
                assertTrue(!trainImages.contains(imageKey(e.item())), "shared picture " + e.item().id());
                assertEquals(Split.HELD_OUT, Split.of(e.scene().contentKey()));
            }
        }
        assertTrue(heldOut >= 2500);
        // the test has teeth: small scenes repeat often, so without the content split the streams would overlap
        Set<String> unsplitA = new HashSet<>();
        SceneGenerator a = new SceneGenerator(5);
        SceneGenerator b = new SceneGenerator(6);
        for (int i = 0; i < 3000; i++) {
            unsplitA.add(a.next(SceneSpec.shapes(1, 1)).contentKey());
        }
        for (int i = 0; i < 3000; i++) {
            if (unsplitA.contains(b.next(SceneSpec.shapes(1, 1)).contentKey())) {
                sameSeedWouldCollide++;
            }
        }
        assertTrue(sameSeedWouldCollide > 100, "seed-disjoint streams alone do collide: " + sameSeedWouldCollide);
    }

    @Test
    void heldOutIsAboutOneEighthOfAllScenes() {
        SceneGenerator g = new SceneGenerator(3);
        int held = 0;
        for (int i = 0; i < 8000; i++) {
            if (Split.HELD_OUT.contains(g.next(new SceneSpec(1, 5, 0, 2, GlyphFont.DIGITS)))) {
                held++;
            }
        }
        assertTrue(held > 850 && held < 1150, "held-out share " + held / 8000.0);
    }

    @Test
    void heldOutSumsUseOperandsTrainingNeverShows() {
        Set<String> train = new HashSet<>();
        for (KnowledgeItem item : new FamilySampler(new TextFamily(), Split.TRAIN, 2).items(3000)) {
            if (item.question().contains("+")) {
                train.add(item.question());
            }
        }
        List<KnowledgeItem> held = new FamilySampler(new TextFamily(), Split.HELD_OUT, 2).items(400);
        int sums = 0;
        for (KnowledgeItem item : held) {
            if (item.question().contains("+")) {
                sums++;
                assertTrue(!train.contains(item.question()), "shared sum " + item.question());
            }
        }
        assertTrue(sums > 100 && train.size() > 500);
    }

    private static String imageKey(KnowledgeItem item) {
        return java.util.Arrays.toString(WorldFamiliesTest.pixels(item.image()));
    }
}
