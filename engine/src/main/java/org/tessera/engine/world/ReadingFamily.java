package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading (DocVQA's role): "what is written ?" answered with the characters in reading order (row-major), or
 * "what is written in cell 4 ?" with one character. Answered directly: reading is one look, not a chain.
 * Shapes may share the picture as clutter.
 */
public final class ReadingFamily implements KnowledgeFamily {
    public static final String NAME = "reading";
    static final String ALPHABET = GlyphFont.DIGITS + GlyphFont.LETTERS;
    private static final SceneSpec SPEC = new SceneSpec(0, 2, 1, 3, ALPHABET);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        Scene scene = ctx.scene(SPEC, s -> true);
        String question;
        String answer;
        List<String> proposals = new ArrayList<>();
        if (ctx.chance(0.6)) {
            question = "what is written ?";
            answer = scene.writtenText();
            proposals.addAll(nearMisses(ctx, answer));
        } else {
            Glyph g = ctx.pick(scene.glyphs());
            question = "what is written in cell " + g.cell() + " ?";
            answer = String.valueOf(g.ch());
            // the other characters of the same picture are the most tempting wrong answers
            for (Glyph other : scene.glyphs()) {
                proposals.add(String.valueOf(other.ch()));
            }
            for (int i = 0; i < 8; i++) {
                proposals.add(String.valueOf(ALPHABET.charAt(ctx.nextInt(ALPHABET.length()))));
            }
        }
        List<String> candidates = Candidates.pick(ctx, answer, proposals, List.of(), AnswerKind.CHARS);
        return new WorldExample(scene, new KnowledgeItem(NAME, ctx.id(), ctx.render(scene), question, answer,
                Completions.answer(answer), candidates, AnswerKind.CHARS));
    }

    /** Wrong readings close to the right one: one character changed, order reversed, one dropped or added. */
    private static List<String> nearMisses(FamilyContext ctx, String answer) {
        List<String> chars = new ArrayList<>(List.of(answer.split(" ")));
        List<String> out = new ArrayList<>();
        List<String> changed = new ArrayList<>(chars);
        changed.set(ctx.nextInt(chars.size()), String.valueOf(ALPHABET.charAt(ctx.nextInt(ALPHABET.length()))));
        out.add(String.join(" ", changed));
        if (chars.size() > 1) {
            List<String> reversed = new ArrayList<>(chars);
            java.util.Collections.reverse(reversed);
            out.add(String.join(" ", reversed));
            out.add(String.join(" ", chars.subList(0, chars.size() - 1)));
        }
        if (chars.size() < 3) {
            out.add(answer + " " + ALPHABET.charAt(ctx.nextInt(ALPHABET.length())));
        }
        for (int i = 0; i < 6; i++) {
            List<String> other = new ArrayList<>(chars);
            other.set(ctx.nextInt(chars.size()), String.valueOf(ALPHABET.charAt(ctx.nextInt(ALPHABET.length()))));
            out.add(String.join(" ", other));
        }
        return out;
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words("what is written in cell ?"));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
