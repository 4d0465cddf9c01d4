package org.tessera.engine.world;

import java.util.List;
import java.util.function.Function;

/**
 * Reasoning that looks at one cell at a time and compares what it sees with what was asked: "6 circle circle yes ."
 * reads "cell 6 holds a circle; asked: circle; the same". Each step is one the model does well or can learn
 * quickly: naming what is in a cell (perception's question), copying the asked word, and telling whether two
 * neighbouring words are the same; the conclusion only has to notice, count or list the "yes" steps.
 *
 * <p>Every question that needs the cells of a kind (grounding, hallucination, counts and lists by kind or size)
 * goes through these checks, because finding the cells of a kind directly is what the tiny model could not learn:
 * the shipped-world checkpoint and three tries after it got most of their grounding, hallucination and vqa errors
 * there, while naming the kind in a given cell stayed at 1.00 (MODEL_CARD.md). Terse, because every token is paid
 * for in every pretraining batch that holds it (sequences are padded to the batch's longest).
 */
final class CellChecks {
    static final String WORDS = "yes no . shapes : none";

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

    /** {@link #checks} over every occupied cell, for a kind ("circle") or a size ("big"). */
    static String everyCell(Scene scene, String asked, Function<SceneObject, String> seen) {
        return checks(scene, VqaFamily.cellsOf(scene, o -> true), asked, seen);
    }

    /**
     * "red shapes : 2 6 . 2 square circle no . 6 circle circle yes ." for a red circle: the cells of the colour
     * (a colour is plain in a patch), then a kind check in each; "red shapes : none ." when the colour is absent.
     */
    static String colourThenKind(Scene scene, Colour colour, ShapeKind kind) {
        List<Integer> cells = VqaFamily.cellsOf(scene, o -> o.colour() == colour);
        String found = listed(colour, cells);
        return cells.isEmpty() ? found : found + " " + checks(scene, cells, kind.word(), o -> o.kind().word());
    }

    /** "red shapes : 2 ." for a colour alone. */
    static String colourCells(Scene scene, Colour colour) {
        return listed(colour, VqaFamily.cellsOf(scene, o -> o.colour() == colour));
    }

    /** "red shapes : 2 6 ." or "red shapes : none .". */
    private static String listed(Colour colour, List<Integer> cells) {
        return colour.word() + " shapes : " + (cells.isEmpty() ? "none" : WorldText.joinNumbers(cells)) + " .";
    }
}
