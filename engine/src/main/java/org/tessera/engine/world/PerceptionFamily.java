package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Perception (MME's role): the colour, kind or size of the shape in a named cell, answered directly with one word.
 * Objects are addressed by cell, not by another attribute, so the question tests seeing, not binding.
 */
public final class PerceptionFamily implements KnowledgeFamily {
    public static final String NAME = "perception";
    private static final SceneSpec SPEC = new SceneSpec(1, 5, 0, 1, GlyphFont.DIGITS);
    static final List<String> COLOURS = Arrays.stream(Colour.values()).map(Colour::word).toList();
    static final List<String> SHAPES = Arrays.stream(ShapeKind.values()).map(ShapeKind::word).toList();
    static final List<String> SIZES = Arrays.stream(Size.values()).map(Size::word).toList();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        Scene scene = ctx.scene(SPEC, s -> true);
        SceneObject o = ctx.pick(scene.objects());
        int which = ctx.nextInt(5); // colour 2/5, shape 2/5, size 1/5: size has only two values
        String question;
        String answer;
        List<String> pool;
        List<String> seen = new ArrayList<>();
        AnswerKind kind;
        if (which < 2) {
            question = "what colour is the shape in cell " + o.cell() + " ?";
            answer = o.colour().word();
            pool = COLOURS;
            scene.objects().forEach(x -> seen.add(x.colour().word()));
            kind = AnswerKind.COLOUR;
        } else if (which < 4) {
            question = "what shape is in cell " + o.cell() + " ?";
            answer = o.kind().word();
            pool = SHAPES;
            scene.objects().forEach(x -> seen.add(x.kind().word()));
            kind = AnswerKind.SHAPE;
        } else {
            question = "what size is the shape in cell " + o.cell() + " ?";
            answer = o.size().word();
            pool = SIZES;
            kind = AnswerKind.SIZE;
        }
        return new WorldExample(scene, new KnowledgeItem(NAME, ctx.id(), ctx.render(scene), question, answer,
                Completions.answer(answer), Candidates.pick(ctx, answer, seen, pool, kind), kind));
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words("what colour shape size is the in cell ?"));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
