package org.tessera.app.view;

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

    /** The platform's folder dialog. */
    static FolderChooser system() {
        return (owner, start) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Open a model folder (config.json, tokenizer.json, model.safetensors)");
            if (start != null && Files.isDirectory(start)) {
                chooser.setInitialDirectory(start.toFile());
            }
            File chosen = chooser.showDialog(owner);
            return Optional.ofNullable(chosen).map(File::toPath);
        };
    }
}
