package org.tessera.engine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a benchmark answer out of what a model wrote, the way VLMEvalKit's rule-based extraction does (its GPT
 * judge, the fallback when the rules fail, is not used: an answer the rules cannot read counts as unanswered).
 */
public final class AnswerExtraction {
    private static final Pattern ANSWER_TAGS = Pattern.compile("<answer>(.*?)</answer>", Pattern.DOTALL);
    /** VLMEvalKit's can_infer_option turns these into spaces before splitting into words. */
    private static final String OPTION_PUNCTUATION = ".()[],:;!*#{}";

    private AnswerExtraction() {
    }

    /** The content of the first {@code <answer>..</answer>}, or null when the text has none. */
    public static String taggedAnswer(String text) {
        Matcher m = ANSWER_TAGS.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    /** What to read an answer from: the tagged answer when there is one, else the whole text. */
    public static String answerText(String text) {
        String tagged = taggedAnswer(text);
        return tagged != null ? tagged : text.strip();
    }

    /**
     * The option letter a free-text answer picks, or null. First (VLMEvalKit's can_infer_option): with
     * {@code .()[],:;!*#{}} replaced by spaces, exactly one option letter appears as a word ("The answer is (B)."
     * gives B; "A or B" gives nothing). Then (can_infer_text): exactly one option's text appears in the answer,
     * ignoring case.
     *
     * @param options letter to option text, e.g. {@code A -> "a red circle"}
     */
    public static String letter(String answer, Map<String, String> options) {
        if (answer == null) {
            return null;
        }
        String spaced = answer;
        for (char c : OPTION_PUNCTUATION.toCharArray()) {
            spaced = spaced.replace(c, ' ');
        }
        List<String> words = List.of(spaced.trim().split("\\s+"));
        List<String> found = new ArrayList<>();
        for (String letter : options.keySet()) {
            if (words.contains(letter)) {
                found.add(letter);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (!found.isEmpty()) {
            return null;
        }
        String lower = answer.toLowerCase(Locale.ROOT);
        List<String> byText = new ArrayList<>();
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!o.getValue().isBlank() && lower.contains(o.getValue().toLowerCase(Locale.ROOT))) {
                byText.add(o.getKey());
            }
        }
        return byText.size() == 1 ? byText.get(0) : null;
    }

    /**
     * "yes", "no" or null (VLMEvalKit's YOrN_Extraction): lowercased, punctuation removed, split into words; yes when
     * "yes" is a word and "no" is not, no the other way round, else unreadable ("Yes, there is." gives yes; "No."
     * gives no; "yes and no", "maybe" and "yesterday" give null).
     */
    public static String yesNo(String answer) {
        if (answer == null) {
            return null;
        }
        List<String> words = List.of(answer.toLowerCase(Locale.ROOT).replaceAll("[\\p{Punct}]", " ").trim()
                .split("\\s+"));
        boolean yes = words.contains("yes");
        boolean no = words.contains("no");
        return yes == no ? null : yes ? "yes" : "no";
    }
}
