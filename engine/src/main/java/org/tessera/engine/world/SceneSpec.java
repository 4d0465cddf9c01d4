package org.tessera.engine.world;

/**
 * What kind of scene to draw: how many shapes and glyphs (inclusive ranges) and which characters may be written.
 * The upper object count is the curriculum knob: few objects early in pretraining, up to {@link #MAX_OBJECTS} later.
 */
public record SceneSpec(int minObjects, int maxObjects, int minGlyphs, int maxGlyphs, String alphabet) {
    public static final int MAX_OBJECTS = 5;
    public static final int MAX_GLYPHS = 3;

    public SceneSpec {
        if (minObjects < 0 || maxObjects < minObjects || maxObjects > MAX_OBJECTS) {
            throw new IllegalArgumentException("objects " + minObjects + ".." + maxObjects);
        }
        if (minGlyphs < 0 || maxGlyphs < minGlyphs || maxGlyphs > MAX_GLYPHS) {
            throw new IllegalArgumentException("glyphs " + minGlyphs + ".." + maxGlyphs);
        }
        if (maxGlyphs > 0 && alphabet.length() < maxGlyphs) {
            throw new IllegalArgumentException("alphabet too small for " + maxGlyphs + " distinct glyphs");
        }
        for (char c : alphabet.toCharArray()) {
            if (!GlyphFont.canDraw(c)) {
                throw new IllegalArgumentException("no glyph for '" + c + "'");
            }
        }
    }

    public static SceneSpec shapes(int min, int max) {
        return new SceneSpec(min, max, 0, 0, "");
    }

    /** The same spec with its object range capped at {@code cap} (the curriculum's current maximum). */
    public SceneSpec capObjects(int cap) {
        int max = Math.max(minObjects, Math.min(maxObjects, cap));
        return new SceneSpec(minObjects, max, minGlyphs, maxGlyphs, alphabet);
    }
}
