package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Hallucination (POPE's role): "is there a red circle ?" answered yes or no. Half the questions are positives.
 * Half the negatives are hard (POPE's adversarial setting): the asked colour and the asked kind are both in the
 * picture, but on different objects, so only binding colour to shape gives the right "no". The other negatives
 * name a colour or a kind that is absent.
 *
 * <p>The model answers through its evidence, in its own voice: the cells of the asked colour, then the cells of
 * the asked kind ("red shapes : 2 6 . circles : 6 ."); the answer is yes exactly when a cell is in both lists. This
 * turns the binding of colour to shape into two lookups the world already teaches (which cells hold a red shape,
 * which hold a circle) and one comparison; asked directly, the tiny model stayed near chance for most of its
 * pretraining (MODEL_CARD.md of the earlier checkpoint).
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

    /** "red shapes : 2 6 . circles : 6 ." for "red circle": where the colour is, then where the kind is. */
    static String evidence(Scene scene, String asked) {
        String[] parts = asked.split(" ");
        Colour colour = Arrays.stream(Colour.values()).filter(c -> c.word().equals(parts[0])).findFirst().orElseThrow();
        ShapeKind kind = Arrays.stream(ShapeKind.values()).filter(k -> k.word().equals(parts[1])).findFirst().orElseThrow();
        return colour.word() + " shapes : " + cells(scene, o -> o.colour() == colour) + " . "
                + kind.plural() + " : " + cells(scene, o -> o.kind() == kind) + " .";
    }

    private static String cells(Scene scene, Predicate<SceneObject> test) {
        List<Integer> cells = VqaFamily.cellsOf(scene, test);
        return cells.isEmpty() ? "none" : WorldText.joinNumbers(cells);
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
        Set<String> w = new TreeSet<>(WorldText.words("is there a ?", "yes no", "shapes : none ."));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
