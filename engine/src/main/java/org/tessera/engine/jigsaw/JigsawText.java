package org.tessera.engine.jigsaw;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of the jigsaw task, for the shipped tokenizer (one token per known word). */
public final class JigsawText {
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private JigsawText() {
    }

    /**
     * Every maximal run of ASCII letters that a jigsaw prompt, answer or teacher trace can contain (case-sensitive,
     * sorted). Answers are digits only; prompts differ between grids only in digits (the "x" of "3x3" is a word).
     */
    public static SortedSet<String> vocabularyWords() {
        SortedSet<String> words = new TreeSet<>();
        Grid sample = new Grid(2, 3);
        for (PromptTemplate t : PromptTemplate.values()) {
            for (Presentation p : Presentation.values()) {
                addWords(words, t.text(sample, p, PromptWording.WORLD));
            }
        }
        addWords(words, Teacher.WORDS);
        return Collections.unmodifiableSortedSet(words);
    }

    /** The letter runs of a text as the tokenizer splits words; the special tags are tokens, not words. */
    public static SortedSet<String> wordsOf(String text) {
        SortedSet<String> words = new TreeSet<>();
        addWords(words, text.replaceAll("</?(think|answer)>", " "));
        return words;
    }

    private static void addWords(SortedSet<String> words, String text) {
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
    }
}
