package org.tessera.engine.world;

import org.tessera.engine.model.Prompt;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One question of the world with its exact-match answer.
 *
 * @param family     family name (grounding, reading, ...)
 * @param id         stable id, e.g. {@code held_out/grounding/17}
 * @param image      the 48x48 picture, or null for text-only questions
 * @param question   the prompt text
 * @param answer     the bare answer that exact match compares against (e.g. {@code 4}, {@code 2 5 7})
 * @param target     the full completion: optional {@code <think>..</think>}, then {@code <answer>..</answer>}
 * @param candidates answers to rank by likelihood, the reference among them exactly once
 * @param kind       the kind of value the answer must be (for the format score)
 */
public record KnowledgeItem(String family, String id, BufferedImage image, String question, String answer,
                            String target, List<String> candidates, AnswerKind kind) {
    public KnowledgeItem {
        candidates = List.copyOf(candidates);
        if (!target.endsWith(Completions.ANSWER_CLOSE)) {
            throw new IllegalArgumentException("target must end with " + Completions.ANSWER_CLOSE + ": " + target);
        }
        if (!kind.matches(answer)) {
            throw new IllegalArgumentException("answer '" + answer + "' is not a " + kind);
        }
        if (candidates.stream().filter(answer::equals).count() != 1) {
            throw new IllegalArgumentException("the answer must be among the candidates exactly once: " + candidates);
        }
    }

    /** The model input: the picture (if any) and the question. */
    public Prompt prompt() {
        return Prompt.of(image, question);
    }

    /** Whether this item's target reasons before answering. */
    public boolean reasons() {
        return target.startsWith(Completions.THINK_OPEN);
    }

    /**
     * The completion that asserts {@code candidate}: the reference reasoning (if any) followed by the candidate in
     * answer tags. The reasoning never depends on the answer (it is a plan or the evidence path), so every
     * candidate is scored after the same prefix and the ranking is decided by the answer tokens alone.
     */
    public String completionFor(String candidate) {
        return target.substring(0, target.lastIndexOf(Completions.ANSWER_OPEN)) + Completions.answer(candidate);
    }
}
