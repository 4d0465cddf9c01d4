package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Hallucination (POPE's role): "is there a red circle ?" answered yes or no. Half the questions are positives.
 * Half the negatives are hard (POPE's adversarial setting): the asked colour and the asked kind are both in the
 * picture, but on different objects, so only binding colour to shape gives the right "no". The other negatives
 * name a colour or a kind that is absent.
 *
 * <p>The model answers through its evidence, in its own voice: the cells of the asked colour, then for each of
 * them the kind it holds, the asked kind and whether they are the same ("red shapes : 2 6 . 2 square circle no .
 * 6 circle circle yes ."); the answer is yes exactly when one check is ({@link CellChecks}). Finding the cells of
 * a colour is easy (a colour is plain in a patch); the earlier evidences, measured in MODEL_CARD.md, failed at
 * finding the cells of a kind or at comparing kinds.
 */
public final class HallucinationFamily implements KnowledgeFamily {
    public static final String NAME = "hallucination";
    private static final SceneSpec SPEC = new SceneSpec(1, 5, 0, 1, GlyphFont.DIGITS);
    /** A hard negative needs two objects (one with the colour, another with the kind), even early in a curriculum. */
    private static final SceneSpec HARD_SPEC = new SceneSpec(2, 5, 0, 1, GlyphFont.DIGITS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        boolean positive = ctx.chance(0.5);
        boolean hard = ctx.chance(0.5);
        Scene scene;
        String asked;
        if (positive) {
            scene = ctx.scene(SPEC, s -> true);
            asked = ctx.pick(scene.objects()).name();
        } else {
            scene = ctx.scene(hard ? HARD_SPEC : SPEC, s -> !absentPairs(s, hard).isEmpty());
            asked = ctx.pick(absentPairs(scene, hard));
        }
        String answer = positive ? "yes" : "no";
        String question = "is there a " + asked + " ?";
        return new WorldExample(scene, new KnowledgeItem(NAME, ctx.id(), ctx.render(scene), question, answer,
                Completions.reasoned(evidence(scene, asked), answer), List.of("yes", "no"), AnswerKind.YES_NO));
    }

    /** The evidence for "red circle": {@link CellChecks#colourThenKind}. */
    static String evidence(Scene scene, String asked) {
        Colour colour = Arrays.stream(Colour.values()).filter(c -> asked.startsWith(c.word() + " ")).findFirst()
                .orElseThrow();
        ShapeKind kind = Arrays.stream(ShapeKind.values()).filter(k -> asked.endsWith(" " + k.word())).findFirst()
                .orElseThrow();
        return CellChecks.colourThenKind(scene, colour, kind);
    }

    /**
     * Colour-kind names absent from the scene: with {@code hard}, those whose colour and kind are each present
     * (on other objects); otherwise those whose colour or kind is missing from the picture altogether.
     */
    static List<String> absentPairs(Scene scene, boolean hard) {
        List<String> out = new ArrayList<>();
        for (Colour c : Colour.values()) {
            for (ShapeKind k : ShapeKind.values()) {
                boolean exists = scene.objects().stream().anyMatch(o -> o.colour() == c && o.kind() == k);
                boolean colourSeen = scene.objects().stream().anyMatch(o -> o.colour() == c);
                boolean kindSeen = scene.objects().stream().anyMatch(o -> o.kind() == k);
                if (!exists && hard == (colourSeen && kindSeen)) {
                    out.add(c.word() + " " + k.word());
                }
            }
        }
        return out;
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words("is there a ?", CellChecks.WORDS));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
