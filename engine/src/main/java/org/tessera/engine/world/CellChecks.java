package org.tessera.engine.world;

import java.util.List;
import java.util.function.Function;

/**
 * Reasoning that looks at one cell at a time and compares what it sees with what was asked: "6 circle circle yes ."
 * reads "cell 6 holds a circle; asked: circle; the same". Each step is one the model does well or can learn
 * quickly: naming what is in a cell (perception's question), copying the asked word, and telling whether two
 * neighbouring words are the same; the conclusion only has to notice (or count) the "yes" steps.
 *
 * <p>Three checkpoints failed at the steps this replaces (MODEL_CARD.md): finding the cells of a kind ("circles :
 * 6 ."), comparing a kind named in the reasoning with the kind in the question far before it ("cell 6 is a circle
 * ."), and comparing what a cell shows with a word without naming it first ("6 circle ? yes ."). Terse, because
 * every token is paid for in every pretraining batch that holds it (sequences are padded to the batch's longest).
 */
final class CellChecks {
    private CellChecks() {
    }

    /** "2 square circle no . 6 circle circle yes ." for each of {@code cells}, in order. */
    static String checks(Scene scene, List<Integer> cells, String asked, Function<SceneObject, String> seen) {
        StringBuilder out = new StringBuilder();
        for (int cell : cells) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            String name = seen.apply(scene.objectAt(cell).orElseThrow());
            out.append(cell).append(' ').append(name).append(' ').append(asked).append(' ')
                    .append(name.equals(asked) ? "yes" : "no").append(" .");
        }
        return out.toString();
    }

    static final String WORDS = "yes no .";
}
