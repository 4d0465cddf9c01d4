package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grounding (RefCOCO's role): "where is the red circle ?" answered with the cell of the one object the phrase
 * names. The model reasons in its own voice with a plan that restates what it looks for (never the answer), which
 * puts the referring phrase right before the answer.
 */
public final class GroundingFamily implements KnowledgeFamily {
    public static final String NAME = "grounding";
    private static final SceneSpec SPEC = new SceneSpec(1, 5, 0, 1, GlyphFont.DIGITS);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        Scene scene = ctx.scene(SPEC, s -> true);
        SceneObject target = ctx.pick(scene.objects());
        String phrase = ctx.pick(uniquePhrases(scene, target));
        String question = "where is the " + phrase + " ?";
        String answer = Integer.toString(target.cell());
        String completion = Completions.reasoned("i look for the " + phrase + " .", answer);
        List<String> otherCells = new ArrayList<>();
        for (SceneObject o : scene.objects()) {
            otherCells.add(Integer.toString(o.cell()));
        }
        java.util.Collections.shuffle(otherCells, ctx.rng());
        List<String> candidates = Candidates.pick(ctx, answer, otherCells, Candidates.numbers(1, Grid.CELLS),
                AnswerKind.CELL);
        return new WorldExample(scene, new KnowledgeItem(NAME, ctx.id(), ctx.render(scene), question, answer,
                completion, candidates, AnswerKind.CELL));
    }

    /**
     * Phrases that name {@code target} and no other object: colour + kind always does; kind alone or colour alone
     * ("the red shape") only when that is unique in the scene. Listing the full name twice makes it the most frequent.
     */
    static List<String> uniquePhrases(Scene scene, SceneObject target) {
        List<String> out = new ArrayList<>(List.of(target.name(), target.name()));
        if (scene.objects().stream().filter(o -> o.kind() == target.kind()).count() == 1) {
            out.add(target.kind().word());
        }
        if (scene.objects().stream().filter(o -> o.colour() == target.colour()).count() == 1) {
            out.add(target.colour().word() + " shape");
        }
        return out;
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words("where is the shape ?", "i look for the ."));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
