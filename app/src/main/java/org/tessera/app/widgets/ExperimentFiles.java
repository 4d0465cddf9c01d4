package org.tessera.app.widgets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Asks the user for an experiment file to open or save as; an interface so tests never open a native dialog. */
public interface ExperimentFiles {
    Optional<Path> open(Window owner, Path start);

    Optional<Path> saveAs(Window owner, Path start, String suggestedName);

    static ExperimentFiles system() {
        return new ExperimentFiles() {
            @Override
            public Optional<Path> open(Window owner, Path start) {
                return Optional.ofNullable(chooser("Open an experiment file", start).showOpenDialog(owner))
                        .map(File::toPath);
            }

            @Override
            public Optional<Path> saveAs(Window owner, Path start, String suggestedName) {
                FileChooser chooser = chooser("Save the experiment as", start);
                chooser.setInitialFileName(suggestedName);
                return Optional.ofNullable(chooser.showSaveDialog(owner)).map(File::toPath);
            }

            private FileChooser chooser(String title, Path start) {
                FileChooser chooser = new FileChooser();
                chooser.setTitle(title);
                chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Experiment (JSON)", "*.json"));
                if (start != null && Files.isDirectory(start)) {
                    chooser.setInitialDirectory(start.toFile());
                }
                return chooser;
            }
        };
    }
}
