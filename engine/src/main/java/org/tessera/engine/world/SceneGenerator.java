package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Draws random scenes from a seed. {@link Random} is used on purpose: its algorithm is fixed by the Java
 * specification, so a seed gives the same scenes on every JVM.
 */
public final class SceneGenerator {
    private final Random rng;

    public SceneGenerator(long seed) {
        this.rng = new Random(seed);
    }

    SceneGenerator(Random rng) {
        this.rng = rng;
    }

    public Scene next(SceneSpec spec) {
        int nObjects = between(spec.minObjects(), spec.maxObjects());
        int nGlyphs = between(spec.minGlyphs(), spec.maxGlyphs());
        List<Integer> cells = shuffled(Grid.CELLS, 1);
        List<Integer> pairs = shuffled(Colour.values().length * ShapeKind.values().length, 0);
        List<SceneObject> objects = new ArrayList<>();
        for (int i = 0; i < nObjects; i++) {
            int pair = pairs.get(i);
            Colour colour = Colour.values()[pair / ShapeKind.values().length];
            ShapeKind kind = ShapeKind.values()[pair % ShapeKind.values().length];
            Size size = Size.values()[rng.nextInt(Size.values().length)];
            objects.add(new SceneObject(kind, colour, size, cells.get(i)));
        }
        List<Integer> charOrder = shuffled(spec.alphabet().length(), 0);
        List<Glyph> glyphs = new ArrayList<>();
        for (int i = 0; i < nGlyphs; i++) {
            glyphs.add(new Glyph(spec.alphabet().charAt(charOrder.get(i)), cells.get(nObjects + i)));
        }
        Background bg = Background.values()[rng.nextInt(Background.values().length)];
        return new Scene(bg, objects, glyphs);
    }

    private int between(int lo, int hi) {
        return lo + rng.nextInt(hi - lo + 1);
    }

    private List<Integer> shuffled(int n, int first) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(first + i);
        }
        Collections.shuffle(list, rng);
        return list;
    }
}
