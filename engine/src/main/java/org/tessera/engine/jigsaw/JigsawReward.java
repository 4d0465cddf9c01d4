package org.tessera.engine.jigsaw;

/**
 * A reward for one completion of one puzzle. Implementations are pure functions of the parse and the truth.
 * Presets and custom weights: {@link Rewards}.
 */
public interface JigsawReward {

    /** Name as used in experiment files: {@code paper}, {@code jigsaw-r1}, {@code visual-jigsaw}, {@code graded}, {@code custom}. */
    String name();

    /** @param truth the 1-based ground-truth answer */
    RewardBreakdown score(ParseResult parsed, int[] truth);

    default RewardBreakdown score(String completion, Puzzle puzzle, PromptTemplate template) {
        return score(AnswerParser.parse(completion, puzzle.grid(), template), puzzle.answer());
    }
}
