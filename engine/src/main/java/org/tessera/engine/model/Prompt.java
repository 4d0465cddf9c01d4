package org.tessera.engine.model;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One model input: zero or more RGB images followed by the user's text. The model formats it with its own chat
 * template (the tiny model: image tokens, BOS, text, SEP), so callers never build token sequences by hand.
 */
public record Prompt(List<BufferedImage> images, String text) {
    public Prompt {
        images = images == null ? List.of() : List.copyOf(images);
        if (text == null) {
            throw new IllegalArgumentException("prompt text must not be null");
        }
    }

    public static Prompt text(String text) {
        return new Prompt(List.of(), text);
    }

    public static Prompt of(BufferedImage image, String text) {
        return new Prompt(image == null ? List.of() : List.of(image), text);
    }
}
