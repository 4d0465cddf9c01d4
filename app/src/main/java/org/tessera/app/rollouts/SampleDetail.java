package org.tessera.app.rollouts;

import javafx.scene.image.Image;
import org.tessera.app.widgets.FxImages;
import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.JigsawRenderer;
import org.tessera.engine.jigsaw.ParseResult;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.Reassembler;

/**
 * What the inspector shows for one sample, computed on a worker thread: the puzzle regenerated from the run's
 * task (the model's input) and the sample's arrangement re-rendered with per-tile marks.
 */
record SampleDetail(RolloutLog.Group group, RolloutLog.Sample sample, Puzzle puzzle, Image modelInput,
                    Image arrangement, int correct) {

    static SampleDetail of(RolloutLog log, RolloutLog.Group group, RolloutLog.Sample sample) {
        Puzzle puzzle = GroupDetail.regenerate(log, group);
        ParseResult parsed = AnswerParser.parse(sample.text(), puzzle.grid(), log.task().template());
        Reassembler.Reassembly r = Reassembler.reassemble(puzzle, parsed);
        return new SampleDetail(group, sample, puzzle, FxImages.of(JigsawRenderer.forPeople(puzzle, 4)),
                FxImages.of(r.overlay(4)), r.correctCount());
    }
}
