package org.tessera.engine.train;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Whole-file operations on JSONL logs (reading all events; cutting a log back to a checkpoint's step on resume). */
public final class JsonlFiles {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    private JsonlFiles() {
    }

    /** Every parseable line; an unparseable last line (a write cut off by a crash) is ignored. */
    public static List<JsonNode> read(Path file) {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a partial line from a killed writer
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps only events whose {@code step} is at most {@code step} (and drops a partial last line), so a run
     * resumed from that checkpoint continues its logs without duplicated or missing steps.
     */
    public static void keepUpTo(Path file, long step) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            StringBuilder kept = new StringBuilder();
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n;
                try {
                    n = JSON.readTree(line);
                } catch (IOException e) {
                    continue;
                }
                if (!n.has("step") || n.get("step").asLong() <= step) {
                    kept.append(line).append('\n');
                }
            }
            AtomicFiles.write(file, tmp -> Files.writeString(tmp, kept));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + file + ": " + e.getMessage(), e);
        }
    }
}
