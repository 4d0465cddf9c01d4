package org.tessera.engine.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** pandas' quoting: tabs, newlines and quotes inside quoted fields; records keep the line they start on. */
class TsvRecordsTest {
    @Test
    void quotedFieldsSpanLines(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("a.tsv");
        Files.writeString(f, "index\tquestion\n1\t\"Which one?\nOptions:\tA\"\n\n2\t\"He said \"\"hi\"\"\"\n3\tplain\r\n");
        try (TsvRecords in = new TsvRecords(f)) {
            assertEquals(new TsvRecords.Record(1, List.of("index", "question")), in.next());
            assertEquals(new TsvRecords.Record(2, List.of("1", "Which one?\nOptions:\tA")), in.next());
            assertEquals(new TsvRecords.Record(5, List.of("2", "He said \"hi\"")), in.next());
            assertEquals(new TsvRecords.Record(6, List.of("3", "plain")), in.next());
            assertNull(in.next());
        }
    }

    @Test
    void anUnterminatedQuoteNamesItsLine(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("b.tsv");
        Files.writeString(f, "a\tb\n1\t\"never closed\n2\tx\n");
        try (TsvRecords in = new TsvRecords(f)) {
            in.next();
            TsvRecords.UnterminatedQuote e = assertThrows(TsvRecords.UnterminatedQuote.class, in::next);
            assertEquals(2, e.line);
        }
    }
}
