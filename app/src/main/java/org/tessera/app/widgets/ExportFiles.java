package org.tessera.app.widgets;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks where to save an export; an interface so tests never open a native dialog. */
@FunctionalInterface
public interface ExportFiles {
    Optional<Path> saveAs(Window owner, String suggestedName, String extension);

    static ExportFiles system() {
        return (owner, name, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Export " + extension.toUpperCase());
            chooser.setInitialFileName(name + "." + extension);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(), "*." + extension));
            return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
        };
    }
}
