package org.tessera.engine.world;

import java.util.List;
import java.util.function.Predicate;

/**
 * Reasoning that asks one cell at a time: "6 circle ? yes ." (is the shape in cell 6 a circle? yes). The asked
 * property is written next to the cell, so each step is perception's question (what is in this cell) compared with
 * the word just written, and the conclusion only has to notice the "yes" steps. Terse, because every token of it
 * is paid for in every pretraining batch that holds it (sequences are padded to the batch's longest). Both checkpoints before it failed at the step this replaces:
 * finding the cells of a kind, and comparing a kind in the reasoning with a kind in the question far before it
 * (MODEL_CARD.md).
 */
final class CellChecks {
    private CellChecks() {
    }

    /** "2 circle ? no . 6 circle ? yes ." for each of {@code cells}, in order. */
    static String checks(Scene scene, List<Integer> cells, String property, Predicate<SceneObject> holds) {
        StringBuilder out = new StringBuilder();
        for (int cell : cells) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            boolean yes = holds.test(scene.objectAt(cell).orElseThrow());
            out.append(cell).append(' ').append(property).append(" ? ").append(yes ? "yes" : "no")
                    .append(" .");
        }
        return out.toString();
    }

    static final String WORDS = "? yes no .";
}
