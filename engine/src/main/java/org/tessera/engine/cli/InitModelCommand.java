package org.tessera.engine.cli;

import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;
import org.tessera.engine.model.tiny.TinyVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tessera init-model}: a randomly initialised built-in model, saved as a checkpoint folder. */
@Command(name = "init-model", mixinStandardHelpOptions = true,
        description = "Save a randomly initialised tiny model (deterministic for --seed) into a folder.")
public final class InitModelCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "folder to write (config.json, tokenizer.json, model.safetensors)")
    Path out;

    @Option(names = "--name", defaultValue = "tessera-tiny-random", description = "model name (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--seed", defaultValue = "0", description = "initialisation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        TinyTokenizer tok = TinyTokenizer.build(TinyVocabulary.words(List.of()));
        try (TinyVlm m = TinyVlm.create(TinyVlmConfig.defaults(name, tok.vocabSize()), tok, seed)) {
            m.save(out);
            System.out.printf("saved %s (%,d parameters) to %s%n", name, m.card().parameterCount(), out);
        }
        return 0;
    }
}
