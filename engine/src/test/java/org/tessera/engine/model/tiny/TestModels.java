package org.tessera.engine.model.tiny;

import org.tessera.engine.model.Prompt;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** Small random-weight models and inputs shared by the model tests. */
final class TestModels {
    static final List<String> WORDS = List.of("where", "is", "the", "red", "circle", "cell", "yes", "no", "what",
            "colour", "square", "how", "many", "shapes", "i", "see", "in");

    private TestModels() {
    }

    static TinyTokenizer tokenizer() {
        return TinyTokenizer.build(WORDS);
    }

    /** With the vision MLP, as the shipped model has, so that every model test runs through it. */
    static TinyVlmConfig smallConfig(int vocab) {
        return new TinyVlmConfig(TinyVlmConfig.ARCHITECTURE, "test-tiny", vocab, 32, 2, 4, 64, 64, 16, 8, 4,
                1e-5f, 0.2f, true);
    }

    static TinyVlm model(long seed) {
        TinyTokenizer tok = tokenizer();
        return TinyVlm.create(smallConfig(tok.vocabSize()), tok, seed);
    }

    static BufferedImage image(int seed) {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(seed * 40 % 256, 90, 200 - seed * 30 % 200));
        g.fillRect(seed % 8, 2, 7, 9);
        g.dispose();
        return img;
    }

    static List<Prompt> prompts() {
        return List.of(
                Prompt.of(image(1), "where is the red circle ?"),
                Prompt.text("how many shapes"),
                new Prompt(List.of(image(2), image(3)), "what colour is the square in cell 3 ?"),
                Prompt.of(image(4), "is"));
    }
}
