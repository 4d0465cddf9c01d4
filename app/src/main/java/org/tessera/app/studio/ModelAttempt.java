package org.tessera.app.studio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.app.session.ModelService;
import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.ParseResult;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.Reassembler;
import org.tessera.engine.jigsaw.RewardBreakdown;
import org.tessera.engine.jigsaw.Rewards;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;

/**
 * One model completion for a puzzle, scored every way the studio shows: parsed, reassembled with per-tile marks,
 * and rewarded under each preset. Built on a worker thread ({@link #ask}); the view only renders it.
 */
public record ModelAttempt(Puzzle puzzle, PromptTemplate template, Generation generation, ParseResult parsed,
                           Reassembler.Reassembly reassembly, Map<String, RewardBreakdown> rewards) {

    public String text() {
        return generation.text();
    }

    public boolean exact() {
        return parsed.exact(puzzle.answer());
    }

    public static ModelAttempt score(Puzzle puzzle, PromptTemplate template, Generation generation) {
        ParseResult parsed = AnswerParser.parse(generation.text(), puzzle.grid(), template);
        Map<String, RewardBreakdown> rewards = new LinkedHashMap<>();
        for (String preset : Rewards.PRESETS) {
            rewards.put(preset, Rewards.preset(preset).score(parsed, puzzle.answer()));
        }
        return new ModelAttempt(puzzle, template, generation, parsed, Reassembler.reassemble(puzzle, parsed),
                java.util.Collections.unmodifiableMap(rewards));
    }

    /** Asks the current model (slow: worker thread only) and scores each completion. */
    public static List<ModelAttempt> ask(ModelService models, Puzzle puzzle, PromptTemplate template,
                                         GenerationOptions options) {
        List<ModelAttempt> out = new ArrayList<>();
        for (Generation g : models.generate(template.prompt(puzzle), options)) {
            out.add(score(puzzle, template, g));
        }
        return out;
    }
}
