package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How a puzzle is shown to the model. {@code COMPOSITE}: one image whose tiles are shuffled in place (Jigsaw-R1).
 * {@code TILES}: one image per tile, in shown order (Visual Jigsaw). The answer format is the same for both.
 */
public enum Presentation {
    COMPOSITE, TILES;

    public static Presentation parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("presentation '" + text + "': expected composite or tiles");
        }
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
