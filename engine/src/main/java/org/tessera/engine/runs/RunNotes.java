package org.tessera.engine.runs;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tessera.engine.io.AtomicFiles;

/**
 * What a person wrote about a run, kept in the run folder beside what the worker wrote: {@code notes.json} =
 * {@code {"label": "...", "note": "..."}}. A short label tells runs apart in tables and chart legends better than a
 * timestamped folder name; the note says why the run was made. Only people write it (the workbench, or by hand),
 * never the worker, so it survives resume and is copied with the folder.
 *
 * @param label one line, may be empty
 * @param note  free text, may be empty
 */
public record RunNotes(String label, String note) {
    public static final String FILE = "notes.json";
    public static final RunNotes NONE = new RunNotes("", "");
    private static final ObjectMapper JSON = TesseraJson.LENIENT_INDENTED;

    public RunNotes {
        label = label == null ? "" : label.strip().replaceAll("\\s+", " ");
        note = note == null ? "" : note.strip();
    }

    public static Path file(Path runDir) {
        return runDir.resolve(FILE);
    }

    /** The run's notes; {@link #NONE} when it has none. A damaged file is an error naming the file. */
    public static RunNotes read(Path runDir) {
        Path file = file(runDir);
        if (!Files.isRegularFile(file)) {
            return NONE;
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || !n.isObject()) {
                throw new IllegalArgumentException(file + ": must be a JSON object with \"label\" and \"note\"");
            }
            return new RunNotes(n.path("label").asText(""), n.path("note").asText(""));
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the notes whole (temp file + rename); empty notes remove the file. */
    public static void write(Path runDir, RunNotes notes) {
        Path file = file(runDir);
        try {
            if (notes.isEmpty()) {
                Files.deleteIfExists(file);
                return;
            }
            ObjectNode n = JSON.createObjectNode().put("label", notes.label()).put("note", notes.note());
            AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), n));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        return label.isEmpty() && note.isEmpty();
    }
}
