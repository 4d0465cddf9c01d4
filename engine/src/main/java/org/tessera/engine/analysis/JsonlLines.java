package org.tessera.engine.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The strict way analyses read a run's JSONL logs (metrics.jsonl, rollouts.jsonl): every line must be JSON, and a
 * broken one fails with {@code FILE:LINE: problem} rather than being dropped. The one exception is a last line
 * without its newline: writers append whole lines, so that is a run still writing (or killed mid-write), and it is
 * skipped. The training code's own reader ({@code train.JsonlFiles}) is lenient on purpose; this one is not.
 */
public final class JsonlLines {
    /** Non-finite numbers are allowed: metrics may hold NaN (e.g. a KL never computed). */
    public static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();

    /** A parsed line and its 1-based number in the file. */
    public record Line(int number, JsonNode json) {
    }

    private JsonlLines() {
    }

    /** Every non-blank line, parsed, in file order. */
    public static List<Line> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new AnalysisDataException(file, "cannot read (" + e.getMessage() + ")");
        }
        String[] lines = text.split("\n", -1);
        boolean cutOff = !text.isEmpty() && !text.endsWith("\n");
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(new Line(i + 1, JSON.readTree(lines[i])));
            } catch (JsonProcessingException e) {
                if (cutOff && i == lines.length - 1) {
                    break;
                }
                throw new AnalysisDataException(file, i + 1, "not valid JSON (" + e.getOriginalMessage() + ")");
            }
        }
        return out;
    }
}
