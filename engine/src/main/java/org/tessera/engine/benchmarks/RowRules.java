package org.tessera.engine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What makes a row valid for a kind of benchmark, and which kind a file is when benchmarks.json does not say. */
final class RowRules {
    /**
     * Share of answers that must be yes/no (or four numbers) for a file without options to count as that kind: more
     * than half, so that a few malformed answers do not change a small file's kind, while a short-answer benchmark
     * with many yes/no answers (VQAv2 has about 38 %) stays one.
     */
    static final double DETECTION_SHARE = 0.5;
    private static final Pattern FOUR_NUMBERS = Pattern.compile(
            "[\\[(]?\\s*-?[\\d.]+(\\s*,?\\s*-?[\\d.]+){3}\\s*[\\])]?");
    private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'|\"((?:[^\"\\\\]|\\\\.)*)\"");

    private RowRules() {
    }

    /** A row that cannot be used, with the reason. */
    static final class Problem extends Exception {
        Problem(String message) {
            super(message);
        }
    }

    /**
     * The kind of a file's benchmark: multiple choice when it has option columns; otherwise yes/no or grounding
     * when more than half of the answers are yes/no or four numbers; otherwise short answer.
     */
    static BenchmarkKind detect(boolean hasOptions, List<RawRow> rows) {
        if (hasOptions) {
            return BenchmarkKind.MULTIPLE_CHOICE;
        }
        int yesNo = 0;
        int boxes = 0;
        int answered = 0;
        for (RawRow r : rows) {
            if (r.answers().isEmpty()) {
                continue;
            }
            answered++;
            String a = r.answers().get(0).strip().toLowerCase(Locale.ROOT);
            yesNo += a.equals("yes") || a.equals("no") ? 1 : 0;
            boxes += FOUR_NUMBERS.matcher(a).matches() ? 1 : 0;
        }
        if (answered > 0 && yesNo > DETECTION_SHARE * answered) {
            return BenchmarkKind.YES_NO;
        }
        if (answered > 0 && boxes > DETECTION_SHARE * answered) {
            return BenchmarkKind.GROUNDING;
        }
        return BenchmarkKind.SHORT_ANSWER;
    }

    /** The valid row, or the reason it is not one. */
    static BenchmarkRow validate(RawRow r, BenchmarkKind kind, BoxFormat boxFormat) throws Problem {
        if (r.question() == null || r.question().isBlank()) {
            throw new Problem("the question is empty");
        }
        if (r.answers().isEmpty() || r.answers().get(0).isBlank()) {
            throw new Problem("the answer is empty");
        }
        String a = r.answers().get(0).strip();
        return switch (kind) {
            case MULTIPLE_CHOICE -> {
                if (r.options().size() < 2) {
                    throw new Problem("a multiple-choice question needs at least 2 options, has " + r.options().size());
                }
                String letter = a.toUpperCase(Locale.ROOT);
                if (!r.options().containsKey(letter)) {
                    throw new Problem("the answer '" + a + "' is not one of the option letters " + r.options().keySet());
                }
                yield row(r, List.of(letter), null);
            }
            case YES_NO -> {
                String yn = a.toLowerCase(Locale.ROOT);
                if (!yn.equals("yes") && !yn.equals("no")) {
                    throw new Problem("the answer '" + a + "' is not yes or no");
                }
                yield row(r, List.of(yn), null);
            }
            case SHORT_ANSWER -> {
                List<String> answers = r.answers().size() == 1 ? listOrSelf(a) : r.answers();
                if (answers.stream().allMatch(String::isBlank)) {
                    throw new Problem("the answer list is empty");
                }
                yield row(r, answers.stream().filter(s -> !s.isBlank()).toList(), null);
            }
            case GROUNDING -> {
                Box box = boxFormat.read(a);
                if (box == null) {
                    throw new Problem("the answer '" + a + "' is not a box " + boxFormat.describe()
                            + " with positive width and height");
                }
                yield row(r, List.of(a), box);
            }
        };
    }

    private static BenchmarkRow row(RawRow r, List<String> answers, Box box) {
        return new BenchmarkRow(r.id(), r.line(), r.question().strip(), r.hint(), r.options(), answers, box);
    }

    /**
     * A Python list literal of strings as VLMEvalKit's TSVs store several accepted answers ({@code ['1986',
     * 'in 1986']}), else the answer itself.
     */
    static List<String> listOrSelf(String answer) {
        String s = answer.strip();
        if (!(s.startsWith("[") && s.endsWith("]"))) {
            return List.of(answer);
        }
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(s);
        while (m.find()) {
            String v = m.group(1) != null ? m.group(1) : m.group(2);
            out.add(v.replace("\\'", "'").replace("\\\"", "\""));
        }
        return out.isEmpty() ? List.of(answer) : out;
    }

    /** The option letters A, B, ... that a header (or JSON object) holds, in order, stopping at the first gap. */
    static List<String> optionLetters(java.util.Collection<String> columns) {
        List<String> out = new ArrayList<>();
        for (char c = 'A'; c <= 'Z' && columns.contains(String.valueOf(c)); c++) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    /** The non-empty options of a row, in letter order. */
    static Map<String, String> options(List<String> letters, java.util.function.Function<String, String> value) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String l : letters) {
            String v = value.apply(l);
            if (v != null && !v.isBlank() && !v.equals("nan")) {
                out.put(l, v.strip());
            }
        }
        return out;
    }
}
