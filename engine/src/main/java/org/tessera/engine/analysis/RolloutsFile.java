package org.tessera.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.runs.events.RolloutGroup;
import org.tessera.engine.runs.events.RunEvents;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict reader of a GRPO run's {@code rollouts.jsonl} (schema in docs/experiments.md). Unlike the training code's
 * lenient reader, which skips a damaged line silently, an analysis must not quietly drop data: every problem is
 * reported with the file and line ({@link JsonlLines}). Only a cut-off last line of a run that is still writing is
 * tolerated.
 */
public final class RolloutsFile {
    /** One sample of a logged group. */
    public record Sample(String text, boolean exact) {
    }

    /** One logged group: the step, the puzzle reference and its samples. */
    public record Group(int line, long step, String split, long seed, int index, List<Sample> samples) {
    }

    private RolloutsFile() {
    }

    public static List<Group> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AnalysisDataException(file, "no such file (a GRPO run folder's rollouts.jsonl)");
        }
        List<Group> out = new ArrayList<>();
        for (JsonlLines.Line line : JsonlLines.read(file)) {
            out.add(group(file, line.number(), line.json()));
        }
        if (out.isEmpty()) {
            throw new AnalysisDataException(file, "no rollouts (the file is empty)");
        }
        return out;
    }

    private static Group group(Path file, int line, JsonNode n) {
        RolloutGroup g;
        try {
            g = RunEvents.rolloutGroup(n);
        } catch (IllegalArgumentException e) {
            throw new AnalysisDataException(file, line, e.getMessage());
        }
        if (g.samples().isEmpty()) {
            throw new AnalysisDataException(file, line, "samples is missing or empty");
        }
        List<Sample> out = new ArrayList<>();
        for (RolloutGroup.Sample s : g.samples()) {
            out.add(new Sample(s.text(), s.exact()));
        }
        return new Group(line, g.step(), g.puzzle().split(), g.puzzle().seed(), g.puzzle().index(), out);
    }
}
