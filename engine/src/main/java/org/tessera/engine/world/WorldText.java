package org.tessera.engine.world;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The world's vocabulary, so a word-level tokenizer can hold every word as one token. */
public final class WorldText {
    private static final Pattern WORD = Pattern.compile("[A-Za-z]+");

    private WorldText() {
    }

    /** The sorted set of every word (maximal run of ASCII letters) any family's text can contain. */
    public static Set<String> vocabularyWords() {
        Set<String> all = new TreeSet<>();
        for (KnowledgeFamily f : Families.all()) {
            all.addAll(f.words());
        }
        return all;
    }

    /** The words (letter runs) of the given texts; the tag names are tokenizer specials, not words. */
    public static Set<String> words(String... texts) {
        Set<String> out = new TreeSet<>();
        for (String t : texts) {
            String stripped = t.replace(Completions.THINK_OPEN, " ").replace(Completions.THINK_CLOSE, " ")
                    .replace(Completions.ANSWER_OPEN, " ").replace(Completions.ANSWER_CLOSE, " ");
            Matcher m = WORD.matcher(stripped);
            while (m.find()) {
                out.add(m.group());
            }
        }
        return out;
    }

    /** Numbers as the world writes a list of them: "2 5 7" (cells, positions, ranks). */
    static String joinNumbers(List<Integer> numbers) {
        return String.join(" ", numbers.stream().map(String::valueOf).toList());
    }

    /**
     * Each number's position among them from small to big, in their order: "3 1 2" for 7 3 5. The answer of both
     * rankings, the text family's (numbers in the question) and vqa's (digits in the picture); distinct numbers.
     */
    static List<Integer> ranks(List<Integer> numbers) {
        List<Integer> sorted = numbers.stream().sorted().toList();
        return numbers.stream().map(d -> sorted.indexOf(d) + 1).toList();
    }

    /** The words of every value of the world's enums (colours, shapes, sizes, relations, letters). */
    static Set<String> enumWords() {
        Set<String> out = new TreeSet<>();
        for (Colour c : Colour.values()) {
            out.add(c.word());
        }
        for (ShapeKind k : ShapeKind.values()) {
            out.add(k.word());
            out.add(k.plural());
        }
        for (Size s : Size.values()) {
            out.add(s.word());
        }
        for (Relation r : Relation.values()) {
            out.addAll(words(r.phrase()));
        }
        for (char c : GlyphFont.LETTERS.toCharArray()) {
            out.add(String.valueOf(c));
        }
        return out;
    }
}
