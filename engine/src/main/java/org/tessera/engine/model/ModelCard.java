package org.tessera.engine.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What a user wants to know about a loaded model: shown by {@code tessera info} and the workbench's model card.
 *
 * @param name           model name (from config.json, else the folder name)
 * @param architecture   architecture id from config.json (e.g. {@code tessera-tiny-vlm})
 * @param parameterCount number of trainable scalars
 * @param vocabSize      tokenizer vocabulary size
 * @param device         where it runs, e.g. {@code cpu()} or {@code gpu(0)}
 * @param directory      the checkpoint folder it was loaded from, or null for an unsaved model
 * @param fileSizes      bytes of each file of the checkpoint folder
 * @param config         the model's config.json as a map (sizes, context length...)
 */
public record ModelCard(String name, String architecture, long parameterCount, int vocabSize, String device,
                        String directory, Map<String, Long> fileSizes, Map<String, Object> config) {

    /** Bytes of each file in {@code dir}, by name in sorted order (-1 for one that cannot be read); empty for null. */
    public static Map<String, Long> fileSizes(Path dir) {
        Map<String, Long> files = new LinkedHashMap<>();
        if (dir == null) {
            return files;
        }
        try (Stream<Path> s = Files.list(dir)) {
            s.sorted().forEach(p -> {
                try {
                    files.put(p.getFileName().toString(), Files.size(p));
                } catch (IOException e) {
                    files.put(p.getFileName().toString(), -1L);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
