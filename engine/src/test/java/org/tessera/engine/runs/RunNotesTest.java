package org.tessera.engine.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunNotesTest {
    @TempDir
    Path dir;

    @Test
    void notesRoundTripThroughTheRunFolderAndEmptyNotesRemoveTheFile() throws Exception {
        assertEquals(RunNotes.NONE, RunNotes.read(dir));
        RunNotes.write(dir, new RunNotes("  lr 3e-4\n baseline ", "why: compare with\nthe lesson's GRPO"));
        assertEquals(new RunNotes("lr 3e-4 baseline", "why: compare with\nthe lesson's GRPO"), RunNotes.read(dir));
        assertTrue(Files.readString(dir.resolve("notes.json")).contains("\"label\" : \"lr 3e-4 baseline\""));
        RunNotes.write(dir, new RunNotes("", " "));
        assertFalse(Files.exists(dir.resolve("notes.json")));
    }

    @Test
    void aDamagedFileIsAnErrorThatNamesIt() throws Exception {
        Files.writeString(dir.resolve("notes.json"), "[1, 2]");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunNotes.read(dir));
        assertTrue(e.getMessage().contains("notes.json"), e.getMessage());
        Files.writeString(dir.resolve("notes.json"), "{\"label\": ");
        Exception e2 = assertThrows(java.io.UncheckedIOException.class, () -> RunNotes.read(dir));
        assertTrue(e2.getMessage().contains("notes.json"), e2.getMessage());
    }
}
