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
 * <p>The model answers through its evidence, in its own voice: the cells of the asked colour, then what kind of
 * shape each of them holds ("red shapes : 2 6 . cell 2 is a square . cell 6 is a circle ."); the answer is yes
 * exactly when one of them is the asked kind. Each step is a lookup the world teaches in the direction the model
 * does best: colour to cells (a colour is plain in a patch), then cell to kind (perception's question). The
 * previous evidence looked the kind up the other way ("circles : 6 ."): with the colour list always right, every
 * wrong answer of that checkpoint came from a wrong list of kind cells (MODEL_CARD.md).
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

    /** "red shapes : 2 6 . cell 2 is a square . cell 6 is a circle ." for "red circle"; "red shapes : none ." */
    static String evidence(Scene scene, String asked) {
        Colour colour = Arrays.stream(Colour.values()).filter(c -> asked.startsWith(c.word() + " ")).findFirst()
                .orElseThrow();
        List<Integer> cells = VqaFamily.cellsOf(scene, o -> o.colour() == colour);
        StringBuilder out = new StringBuilder(colour.word()).append(" shapes : ")
                .append(cells.isEmpty() ? "none" : WorldText.joinNumbers(cells)).append(" .");
        for (int cell : cells) {
            out.append(" cell ").append(cell).append(" is a ").append(scene.objectAt(cell).orElseThrow().kind().word())
                    .append(" .");
        }
        return out.toString();
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
        Set<String> w = new TreeSet<>(WorldText.words("is there a ?", "yes no", "shapes : none . cell is a ."));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
