package org.tessera.engine.train;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends JSON objects to a JSONL file, one whole line per write, flushed and forced to disk, so a reader (the
 * workbench following a run) never sees half a line and a killed process loses at most the event being written.
 */
public final class JsonlWriter {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;
    private final Path file;

    public JsonlWriter(Path file) {
        this.file = file;
    }

    public synchronized void append(Object event) {
        try {
            byte[] line = (JSON.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }
}
