package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Grounding (RefCOCO's role): "where is the red circle ?" answered with the cell of the one object the phrase
 * names. The model reasons in its own voice, one cell at a time ({@link CellChecks}): "red shapes : 2 6 . 2 square
 * circle no . 6 circle circle yes ." then answers the cell checked "yes"; for a kind alone it checks every shape,
 * for a colour alone it lists the colour's cell. Asked to find a kind directly, the tiny model got a quarter of
 * grounding wrong once hallucination stopped teaching that lookup (MODEL_CARD.md).
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
        Phrase phrase = ctx.pick(uniquePhrases(scene, target));
        String question = "where is the " + phrase.words() + " ?";
        String answer = Integer.toString(target.cell());
        String completion = Completions.reasoned(phrase.thought(), answer);
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

    /** A referring phrase ("red circle", "circle", "red shape") and the reasoning that finds what it names. */
    record Phrase(String words, String thought) {
    }

    /**
     * Phrases that name {@code target} and no other object: colour + kind always does; kind alone or colour alone
     * ("the red shape") only when that is unique in the scene. Listing the full name twice makes it the most frequent.
     */
    static List<Phrase> uniquePhrases(Scene scene, SceneObject target) {
        Phrase full = new Phrase(target.name(), CellChecks.colourThenKind(scene, target.colour(), target.kind()));
        List<Phrase> out = new ArrayList<>(List.of(full, full));
        if (scene.objects().stream().filter(o -> o.kind() == target.kind()).count() == 1) {
            out.add(new Phrase(target.kind().word(),
                    CellChecks.everyCell(scene, target.kind().word(), o -> o.kind().word())));
        }
        if (scene.objects().stream().filter(o -> o.colour() == target.colour()).count() == 1) {
            out.add(new Phrase(target.colour().word() + " shape", CellChecks.colourCells(scene, target.colour())));
        }
        return out;
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words("where is the shape ?", CellChecks.WORDS));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
