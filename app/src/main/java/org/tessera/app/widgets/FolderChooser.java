package org.tessera.app.widgets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** Asks the user for a folder; an interface so that tests never open a native dialog. */
@FunctionalInterface
public interface FolderChooser {

    /** @param start folder to open the dialog in, or null */
    Optional<Path> choose(Window owner, Path start);

    /** The same chooser with a dialog title saying what the folder is for (choosers without a dialog ignore it). */
    default FolderChooser titled(String title) {
        return this;
    }

    /** The platform's folder dialog, titled for choosing a model. */
    static FolderChooser system() {
        return new SystemChooser("Open a model folder (config.json, tokenizer.json, model.safetensors)");
    }

    /** The platform's folder dialog. */
    record SystemChooser(String title) implements FolderChooser {
        @Override
        public Optional<Path> choose(Window owner, Path start) {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            if (start != null && Files.isDirectory(start)) {
                chooser.setInitialDirectory(start.toFile());
            }
            File chosen = chooser.showDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        }

        @Override
        public FolderChooser titled(String newTitle) {
            return new SystemChooser(newTitle);
        }
    }
}
