package org.tessera.engine.jigsaw;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line of a puzzles JSONL file: the puzzle's id, everything needed to regenerate it ({@link #regenerate()}),
 * its ground truth, prompts and the image files written for it. Readable from Python with json.loads.
 *
 * @param images files given to the model (relative to the JSONL's folder), in shown order
 * @param people the rendering for people (relative), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "seed", "index", "grid", "source", "presentation", "gridLines", "imageSize", "split",
        "allowIdentity", "imageId", "answer", "answerText", "prompts", "images", "people"})
public record PuzzleRecord(String id, long seed, int index, Grid grid, String source, Presentation presentation,
                           boolean gridLines, int imageSize, Split split, boolean allowIdentity, String imageId,
                           int[] answer, String answerText, Map<String, String> prompts, List<String> images,
                           String people) {

    public static PuzzleRecord of(Puzzle p, List<String> images, String people) {
        PuzzleSpec s = p.spec();
        Map<String, String> prompts = new java.util.LinkedHashMap<>();
        for (PromptWording w : PromptWording.values()) {
            for (PromptTemplate t : PromptTemplate.values()) {
                // the built-in model's wording under the template's id, as before; a real model's beside it
                String key = w == PromptWording.WORLD ? t.id() : t.id() + "-" + w.name().toLowerCase(Locale.ROOT);
                prompts.put(key, t.text(s.grid(), s.presentation(), w));
            }
        }
        return new PuzzleRecord(p.id(), p.seed(), p.index(), s.grid(), s.source(), s.presentation(), s.gridLines(),
                s.imageSize(), s.split(), s.allowIdentity(), p.imageId(), p.answer(),
                AnswerFormat.write(p.answer(), s.grid()), prompts, images, people);
    }

    public PuzzleSpec spec() {
        return new PuzzleSpec(grid, source, presentation, gridLines, imageSize, split, allowIdentity);
    }

    /** The same puzzle, rebuilt from (spec, seed, index); for a folder source the folder must still be there. */
    public Puzzle regenerate() {
        return new PuzzleGenerator(spec()).puzzle(seed, index);
    }
}
