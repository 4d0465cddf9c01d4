package org.tessera.engine.jigsaw;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a model's completion. Never throws: every input, however broken, gets a {@link ParseResult} with a
 * {@link ParseFailure}. The answer is taken from the first {@code <answer>...</answer>} pair; inside it, spaces,
 * commas, semicolons, slashes, bars, backticks, brackets of any kind and newlines all separate entries, and every
 * entry must be a plain decimal number (leading zeros allowed).
 */
public final class AnswerParser {
    static final String THINK_OPEN = "<think>";
    static final String THINK_CLOSE = "</think>";
    static final String ANSWER_OPEN = "<answer>";
    static final String ANSWER_CLOSE = "</answer>";

    private AnswerParser() {
    }

    public static ParseResult parse(String completion, Grid grid, PromptTemplate template) {
        String text = completion == null ? "" : completion;
        boolean structure = structureOk(text, template);
        int open = text.indexOf(ANSWER_OPEN);
        int close = open < 0 ? -1 : text.indexOf(ANSWER_CLOSE, open + ANSWER_OPEN.length());
        if (open < 0 || close < 0) {
            return new ParseResult(ParseFailure.NO_ANSWER_TAG, false, null, new int[0], false,
                    open < 0 ? "no <answer> tag" : "<answer> is never closed");
        }
        String answer = text.substring(open + ANSWER_OPEN.length(), close);
        return parseAnswer(answer, grid, structure);
    }

    /** Parses bare answer text (no tags), e.g. from a dataset file. structureOk is reported as true. */
    public static ParseResult parseAnswerText(String answer, Grid grid) {
        return parseAnswer(answer == null ? "" : answer, grid, true);
    }

    private static ParseResult parseAnswer(String answer, Grid grid, boolean structure) {
        int n = grid.cells();
        List<String> entries = split(answer);
        int[] numbers = new int[entries.size()];
        ParseFailure failure = ParseFailure.NONE;
        String detail = "";
        boolean[] seen = new boolean[n + 1];
        boolean repeated = false;
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            int v = value(e);
            if (v == NOT_NUMBER) {
                if (failure == ParseFailure.NONE) {
                    failure = ParseFailure.NOT_A_NUMBER;
                    detail = "entry " + (i + 1) + " '" + abbreviate(e) + "' is not a number";
                }
                continue;
            }
            if (v < 1 || v > n) {
                if (failure == ParseFailure.NONE) {
                    failure = ParseFailure.OUT_OF_RANGE;
                    detail = "entry " + (i + 1) + " '" + abbreviate(e) + "' is not in 1.." + n;
                }
                continue;
            }
            numbers[i] = v;
            repeated |= seen[v];
            seen[v] = true;
        }
        if (failure == ParseFailure.NONE && entries.size() != n) {
            failure = ParseFailure.WRONG_COUNT;
            detail = entries.size() + " entries, the " + grid + " grid needs " + n;
        }
        if (failure == ParseFailure.NONE && repeated) {
            failure = ParseFailure.REPEATED_INDEX;
            detail = "a position is given to more than one tile";
        }
        return new ParseResult(failure, structure, answer, numbers, repeated, detail);
    }

    private static final int NOT_NUMBER = Integer.MIN_VALUE;

    private static boolean separator(char c) {
        return Character.isWhitespace(c) || c == ',' || c == ';' || c == '/' || c == '|' || c == '`'
                || c == '[' || c == ']' || c == '(' || c == ')' || c == '{' || c == '}';
    }

    private static List<String> split(String s) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean sep = i == s.length() || separator(s.charAt(i));
            if (sep && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            } else if (!sep && start < 0) {
                start = i;
            }
        }
        return out;
    }

    /** The value of an ASCII decimal entry; huge values saturate (they are out of range anyway). */
    private static int value(String e) {
        long v = 0;
        for (int i = 0; i < e.length(); i++) {
            char c = e.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_NUMBER;
            }
            v = Math.min(1_000_000L, v * 10 + (c - '0'));
        }
        return (int) v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 12 ? s : s.substring(0, 12) + "...";
    }

    /**
     * Whether the completion has exactly the template's shape. Only whitespace may surround the blocks; the think
     * text may not contain tags and the answer text may not contain tags.
     */
    static boolean structureOk(String text, PromptTemplate template) {
        String t = text.strip();
        if (template.wantsThink()) {
            if (!t.startsWith(THINK_OPEN)) {
                return false;
            }
            int thinkClose = t.indexOf(THINK_CLOSE);
            if (thinkClose < 0 || hasTag(t.substring(THINK_OPEN.length(), thinkClose))) {
                return false;
            }
            t = t.substring(thinkClose + THINK_CLOSE.length()).strip();
        }
        if (!t.startsWith(ANSWER_OPEN) || !t.endsWith(ANSWER_CLOSE)
                || t.length() < ANSWER_OPEN.length() + ANSWER_CLOSE.length()) {
            return false;
        }
        return !hasTag(t.substring(ANSWER_OPEN.length(), t.length() - ANSWER_CLOSE.length()));
    }

    private static boolean hasTag(String s) {
        return s.contains(THINK_OPEN) || s.contains(THINK_CLOSE) || s.contains(ANSWER_OPEN) || s.contains(ANSWER_CLOSE);
    }
}
