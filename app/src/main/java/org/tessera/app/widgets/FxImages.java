package org.tessera.app.widgets;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;

/** Engine pictures (AWT) for JavaFX: the engine knows nothing of JavaFX, so the conversion lives here. */
public final class FxImages {
    private FxImages() {
    }

    public static Image of(BufferedImage image) {
        return SwingFXUtils.toFXImage(image, null);
    }

    /**
     * A view that shows a small image large with crisp pixels: puzzles are 48 px, and smoothing would blur tile
     * edges, which are exactly what a person (and the model) looks at.
     */
    public static ImageView pixelated(Image image, double width, double height) {
        ImageView view = new ImageView(image);
        view.setSmooth(false);
        view.setPreserveRatio(false);
        view.setFitWidth(width);
        view.setFitHeight(height);
        return view;
    }

    /** Same, keeping the image's aspect ratio within a box of {@code maxSide}. */
    public static ImageView pixelated(Image image, double maxSide) {
        double scale = maxSide / Math.max(image.getWidth(), image.getHeight());
        return pixelated(image, image.getWidth() * scale, image.getHeight() * scale);
    }
}
