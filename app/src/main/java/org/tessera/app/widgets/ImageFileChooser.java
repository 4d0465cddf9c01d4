package org.tessera.app.widgets;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Picks an image file; an interface so that tests can answer without a native dialog. */
@FunctionalInterface
public interface ImageFileChooser {
    Optional<Path> choose(Window owner);

    /** The platform's file dialog, filtered to the formats {@code ImageIO} reads. */
    static ImageFileChooser system() {
        return owner -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose an image to ask about");
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter("Images", "*.png", "*.jpg", "*.jpeg", "*.gif", "*.bmp"),
                    new FileChooser.ExtensionFilter("All files", "*.*"));
            File file = chooser.showOpenDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }
}
