package org.tessera.app.rollouts;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.image.Image;
import org.tessera.app.widgets.FxImages;
import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.JigsawRenderer;
import org.tessera.engine.jigsaw.ParseResult;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.Reassembler;

/**
 * A whole GRPO group computed on a worker thread: the puzzle regenerated once (the model's input) and, for each of
 * its G samples, the arrangement re-rendered with per-tile marks and the number of tiles right. Seen side by side,
 * the samples show why the group teaches something (rewards differ: advantages push some up, some down) or nothing
 * (all rewarded alike: every advantage is 0).
 */
record GroupDetail(RolloutLog.Group group, Puzzle puzzle, Image modelInput, List<Card> cards) {
    private static final Pattern ANSWER = Pattern.compile("<answer>(.*?)</answer>", Pattern.DOTALL);

    /** One sample of the group, as drawn in its card. */
    record Card(RolloutLog.Sample sample, Image arrangement, int correct) {
    }

    static GroupDetail of(RolloutLog log, RolloutLog.Group group) {
        Puzzle puzzle = regenerate(log, group);
        List<Card> cards = new ArrayList<>();
        for (RolloutLog.Sample s : group.samples()) {
            ParseResult parsed = AnswerParser.parse(s.text(), puzzle.grid(), log.task().template());
            Reassembler.Reassembly r = Reassembler.reassemble(puzzle, parsed);
            cards.add(new Card(s, FxImages.of(r.overlay(4)), r.correctCount()));
        }
        return new GroupDetail(group, puzzle, FxImages.of(JigsawRenderer.forPeople(puzzle, 4)), List.copyOf(cards));
    }

    static Puzzle regenerate(RolloutLog log, RolloutLog.Group group) {
        Puzzle puzzle = log.task().regenerate(group.split(), group.seed(), group.index());
        if (!puzzle.id().equals(group.puzzleId())) {
            throw new IllegalStateException("puzzle " + group.puzzleId() + " regenerated as " + puzzle.id()
                    + ": the run's experiment.json does not match its rollouts log");
        }
        return puzzle;
    }

    /** The answer a sample gave: what its first answer tag holds, else the start of its text, on one line. */
    static String answerText(String text) {
        Matcher m = ANSWER.matcher(text);
        String a = m.find() ? m.group(1) : text;
        a = a.strip().replaceAll("\\s+", " ");
        return a.length() > 28 ? a.substring(0, 27) + "…" : a;
    }
}
