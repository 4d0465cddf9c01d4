package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.annotation.JsonValue;
import org.tessera.engine.model.Prompt;

import java.util.Locale;

/**
 * The jigsaw prompts, in two wordings ({@link PromptWording}) chosen by the model that reads them. For the built-in
 * model, short and regular (about 20 words) and written the way the world it learned from writes (lowercase,
 * punctuation as separate words): its word-level tokenizer gives "Positions" and "positions", or "4," and "4 ,",
 * unrelated tokens, so a prompt in another style reads to it as a foreign language. For real models, ordinary
 * English that names the output format, as the paper's prompts do. {@code THINK} asks for
 * {@code <think>...</think><answer>...</answer>}; {@code ANSWER} for {@code <answer>...</answer>} alone.
 * The exact texts are documented, with an example, in docs/tasks.md (a test keeps that file in sync).
 */
public enum PromptTemplate {
    THINK("think , then answer ."),
    ANSWER("answer only .");

    private final String ending;

    PromptTemplate(String ending) {
        this.ending = ending;
    }

    public static PromptTemplate parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("template '" + text + "': expected think or answer");
        }
    }

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean wantsThink() {
        return this == THINK;
    }

    /** The prompt text for a grid and presentation, in the wording of the model that will read it. */
    public String text(Grid grid, Presentation presentation, PromptWording wording) {
        return wording == PromptWording.NATURAL ? naturalText(grid, presentation) : worldText(grid, presentation);
    }

    private String worldText(Grid grid, Presentation presentation) {
        String g = grid.rows() + "x" + grid.cols();
        String shown = presentation == Presentation.COMPOSITE
                ? "solve this " + g + " jigsaw ."
                : "solve this " + g + " jigsaw . the " + grid.cells() + " images are its tiles .";
        return shown + " positions are 1 to " + grid.cells() + " , row by row . for each tile , write the position"
                + " where it belongs . " + ending;
    }

    private String naturalText(Grid grid, Presentation presentation) {
        String g = grid.rows() + "x" + grid.cols();
        int n = grid.cells();
        String shown = presentation == Presentation.COMPOSITE
                ? "This image is a " + g + " jigsaw puzzle: it was cut into " + n + " tiles, and the tiles were"
                + " shuffled. "
                : "These " + n + " images are the tiles of a " + g + " jigsaw puzzle, in shuffled order. ";
        String layout = n + " numbers, " + grid.rows() + (grid.rows() == 1 ? " row" : " rows") + " of "
                + grid.cols();
        String answer = wantsThink()
                ? "First think it through inside <think> </think>, then write the answer inside <answer> </answer>"
                + " as " + layout + "."
                : "Write only the answer, inside <answer> </answer>, as " + layout + ".";
        return shown + "The positions are numbered 1 to " + n + ", row by row, starting at the top left. For each"
                + " tile, in the order shown (row by row), give the position where it belongs in the original image. "
                + answer;
    }

    /** The model input for a puzzle: its images (per its presentation) and this template's text. */
    public Prompt prompt(Puzzle puzzle, PromptWording wording) {
        return new Prompt(JigsawRenderer.modelImages(puzzle), text(puzzle.grid(), puzzle.spec().presentation(),
                wording));
    }

    /** A well-formed completion: the reasoning (THINK only; ignored otherwise) and the answer. */
    public String completion(String reasoning, int[] answer, Grid grid) {
        String a = AnswerFormat.tagged(answer, grid);
        return wantsThink() ? "<think>" + (reasoning == null ? "" : reasoning) + "</think>" + a : a;
    }
}
