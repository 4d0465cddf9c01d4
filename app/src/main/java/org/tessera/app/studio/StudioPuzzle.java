package org.tessera.app.studio;

import java.util.List;
import javafx.scene.image.Image;
import org.tessera.app.widgets.FxImages;
import org.tessera.engine.jigsaw.JigsawRenderer;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleGenerator;

/**
 * A generated puzzle with the pictures the studio shows, prepared on a worker thread: a folder source reads and
 * resizes every image file, which must not stall the window.
 *
 * @param tiles      the shown tiles, in shown order, for the board
 * @param modelInput the model's input as a person sees it (composite with position labels, or the tile strip)
 */
record StudioPuzzle(StudioSettings settings, Puzzle puzzle, List<Image> tiles, Image modelInput) {

    static StudioPuzzle generate(StudioSettings settings) {
        Puzzle puzzle = new PuzzleGenerator(settings.spec()).puzzle(settings.seed(), settings.index());
        List<Image> tiles = puzzle.shownTiles().stream().map(FxImages::of).toList();
        return new StudioPuzzle(settings, puzzle, tiles, FxImages.of(JigsawRenderer.forPeople(puzzle, 4)));
    }

    String promptText(PromptTemplate template) {
        return template.text(puzzle.grid(), puzzle.spec().presentation());
    }
}
