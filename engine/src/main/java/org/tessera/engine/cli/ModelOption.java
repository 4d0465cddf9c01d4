package org.tessera.engine.cli;

import org.tessera.engine.model.ModelLoader;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --model DIR} option shared by every command that loads a model (picocli mixin). */
public final class ModelOption {
    @Option(names = "--model", description = "checkpoint folder (default: the shipped assets/models/tessera-tiny)")
    Path model;

    /** The folder given, or the shipped base model. */
    public Path dir() {
        return model == null ? ModelLoader.defaultModelDir() : model;
    }
}
