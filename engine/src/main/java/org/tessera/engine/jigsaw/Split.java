package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Train and test puzzles never share a source image: every image source assigns each image to one split. */
public enum Split {
    TRAIN, TEST;

    public static Split parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("split '" + text + "': expected train or test");
        }
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
