package org.tessera.engine.world;

/**
 * One written character, centred in a grid cell. {@code ch} is the character as answers spell it: a digit, or a
 * lowercase letter (drawn as the capital, the way signs are written; answers stay lowercase like the model's voice).
 */
public record Glyph(char ch, int cell) {
    public Glyph {
        Grid.row(cell);
        if (!GlyphFont.canDraw(ch)) {
            throw new IllegalArgumentException("no glyph for '" + ch + "'");
        }
    }
}
