package org.tessera.engine.world;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * What a family needs to make one item: the random stream, the split the item must belong to, the curriculum's
 * current object cap and the item's id. Scenes are drawn by rejection, so every scene a family sees already lies in
 * the right split and suits the question the family wants to ask.
 */
public final class FamilyContext {
    /** Bounds the rejection loop; every family's predicate accepts a large share of scenes, so this is never hit. */
    private static final int MAX_TRIES = 100_000;

    private final Random rng;
    private final Split split;
    private final int maxObjects;
    private final String id;
    private final SceneGenerator scenes;

    public FamilyContext(Random rng, Split split, int maxObjects, String id) {
        this.rng = rng;
        this.split = split;
        this.maxObjects = Math.max(1, Math.min(SceneSpec.MAX_OBJECTS, maxObjects));
        this.id = id;
        this.scenes = new SceneGenerator(rng);
    }

    public Random rng() {
        return rng;
    }

    public Split split() {
        return split;
    }

    public String id() {
        return id;
    }

    /** A scene of the spec (its object range capped by the curriculum) that lies in this split and passes {@code ok}. */
    public Scene scene(SceneSpec spec, Predicate<Scene> ok) {
        SceneSpec capped = spec.capObjects(maxObjects);
        for (int i = 0; i < MAX_TRIES; i++) {
            Scene s = scenes.next(capped);
            if (split.contains(s) && ok.test(s)) {
                return s;
            }
        }
        throw new IllegalStateException("no suitable scene for " + spec + " in " + MAX_TRIES + " tries");
    }

    public BufferedImage render(Scene scene) {
        return SceneRenderer.render(scene);
    }

    public int nextInt(int bound) {
        return rng.nextInt(bound);
    }

    public <T> T pick(List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    /** True with probability {@code p}. */
    public boolean chance(double p) {
        return rng.nextDouble() < p;
    }
}
