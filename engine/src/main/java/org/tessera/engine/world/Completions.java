package org.tessera.engine.world;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Building and parsing completions of the form {@code <think>...</think><answer>...</answer>} (reasoning) or
 * {@code <answer>...</answer>} (direct). Parsing tolerates whitespace around tags, since a model may emit spaces.
 */
public final class Completions {
    public static final String THINK_OPEN = "<think>";
    public static final String THINK_CLOSE = "</think>";
    public static final String ANSWER_OPEN = "<answer>";
    public static final String ANSWER_CLOSE = "</answer>";

    private static final Pattern FIRST_ANSWER = Pattern.compile("<answer>(.*?)</answer>", Pattern.DOTALL);
    private static final Pattern DIRECT = Pattern.compile("\\s*<answer>((?:(?!<).)*)</answer>\\s*", Pattern.DOTALL);
    private static final Pattern REASONED = Pattern.compile(
            "\\s*<think>((?:(?!<).)+)</think>\\s*<answer>((?:(?!<).)*)</answer>\\s*", Pattern.DOTALL);

    private Completions() {
    }

    public static String answer(String answer) {
        return ANSWER_OPEN + answer + ANSWER_CLOSE;
    }

    public static String reasoned(String thought, String answer) {
        return THINK_OPEN + thought + THINK_CLOSE + answer(answer);
    }

    /** Trims and collapses whitespace runs to one space: the form answers are compared in. */
    public static String normalise(String s) {
        return s.trim().replaceAll("\\s+", " ");
    }

    /** The normalised content of the first complete answer tag pair, or null when there is none. */
    public static String parseAnswer(String text) {
        Matcher m = FIRST_ANSWER.matcher(text);
        return m.find() ? normalise(m.group(1)) : null;
    }

    /** Generative exact match: the first answer equals the reference. */
    public static boolean correct(KnowledgeItem item, String generated) {
        String parsed = parseAnswer(generated);
        return parsed != null && parsed.equals(normalise(item.answer()));
    }

    /**
     * Whether a generation follows the item's format: the same structure as the target (reasoning or not), nothing
     * after {@code </answer>}, generation stopped by EOS, and an answer of the right kind.
     */
    public static boolean wellFormed(KnowledgeItem item, String generated, boolean stoppedAtEos) {
        if (!stoppedAtEos) {
            return false;
        }
        Matcher m = (item.reasons() ? REASONED : DIRECT).matcher(generated);
        if (!m.matches()) {
            return false;
        }
        String content = normalise(m.group(item.reasons() ? 2 : 1));
        return item.kind().matches(content);
    }
}
