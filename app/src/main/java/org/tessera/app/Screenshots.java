package org.tessera.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.tessera.engine.io.AtomicFiles;

/**
 * Writes a node as a PNG. The picture comes from JavaFX's own renderer (not a screen grab), so it is the same
 * under Xvfb, Monocle or a desktop, whatever window manager decorates it.
 */
final class Screenshots {
    private Screenshots() {
    }

    static void write(Node node, Path target) throws IOException {
        WritableImage image = node.snapshot(null, null);
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Complete or absent: a failed write never leaves a truncated PNG in docs/.
        AtomicFiles.write(target, tmp -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", tmp.toFile())) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
