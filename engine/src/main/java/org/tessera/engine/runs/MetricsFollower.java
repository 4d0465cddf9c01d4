package org.tessera.engine.runs;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSONL file that another process appends to, returning only complete new lines on each poll (a line
 * still being written stays for the next poll). The workbench follows a run's metrics with it; it never blocks.
 */
public final class MetricsFollower {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;
    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();
    private long parsed;

    public MetricsFollower(Path file) {
        this.file = file;
    }

    /** New complete events since the last poll (empty when nothing was appended). Malformed lines are skipped. */
    public List<JsonNode> poll() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long len = raf.length();
            if (len < offset) { // the file was replaced: start over
                offset = 0;
                partial.setLength(0);
            }
            if (len == offset) {
                return out;
            }
            byte[] buf = new byte[(int) Math.min(len - offset, 64L * 1024 * 1024)];
            raf.seek(offset);
            raf.readFully(buf);
            offset += buf.length;
            partial.append(new String(buf, StandardCharsets.UTF_8));
        }
        int start = 0;
        int nl;
        while ((nl = partial.indexOf("\n", start)) >= 0) {
            String line = partial.substring(start, nl).trim();
            start = nl + 1;
            if (!line.isEmpty()) {
                parsed++;
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    // a damaged line (e.g. a crash mid-write on a filesystem without atomic appends): skip it
                }
            }
        }
        partial.delete(0, start);
        return out;
    }

    /** Lines parsed so far (damaged ones included): a test's proof that each line is parsed once. */
    public long parsedLines() {
        return parsed;
    }
}
