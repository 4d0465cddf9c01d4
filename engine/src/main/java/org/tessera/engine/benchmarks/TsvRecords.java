package org.tessera.engine.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a tab-separated file as pandas writes one ({@code to_csv(sep='\t')}, what VLMEvalKit's TSV files are): a
 * field that holds a tab, a newline or a double quote is quoted, with quotes doubled inside. A record may therefore
 * span several lines; each record carries the line it starts on, for messages. Streaming: one record at a time,
 * so a file of several gigabytes of base64 images is never held whole.
 */
final class TsvRecords implements AutoCloseable {
    /** One record: its fields and the 1-based line it starts on. */
    record Record(int line, List<String> fields) {
    }

    /** A record whose quote never closed: the rest of the file cannot be split into records. */
    static final class UnterminatedQuote extends IOException {
        final int line;

        UnterminatedQuote(int line) {
            super("a quoted field opened on this line never closes");
            this.line = line;
        }
    }

    private final BufferedReader in;
    private int line;

    TsvRecords(Path file) throws IOException {
        this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    /** The next record, or null at the end of the file. Blank lines are skipped. */
    Record next() throws IOException {
        String text = in.readLine();
        while (text != null && text.isEmpty()) {
            line++;
            text = in.readLine();
        }
        if (text == null) {
            return null;
        }
        line++;
        int start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            if (i == text.length()) {
                if (quoted) { // the quoted field goes on over a line break
                    text = in.readLine();
                    if (text == null) {
                        throw new UnterminatedQuote(start);
                    }
                    line++;
                    field.append('\n');
                    i = 0;
                    continue;
                }
                fields.add(field.toString());
                return new Record(start, fields);
            }
            char c = text.charAt(i++);
            if (quoted) {
                if (c == '"') {
                    if (i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '\t') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
                continue;
            } else if (c == '"' && fieldStart) {
                quoted = true;
            } else {
                field.append(c);
            }
            fieldStart = false;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
