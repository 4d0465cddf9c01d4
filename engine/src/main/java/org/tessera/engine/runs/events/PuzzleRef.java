package org.tessera.engine.runs.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.tessera.engine.jigsaw.Puzzle;

/**
 * Which puzzle a logged line is about: enough to regenerate it exactly from the run's task ({@code split},
 * {@code seed}, {@code index}); {@code id} and {@code grid} are for people reading the file.
 */
@JsonPropertyOrder({"id", "seed", "index", "split", "grid"})
public record PuzzleRef(
        @JsonProperty("id") String id,
        @JsonProperty("seed") long seed,
        @JsonProperty("index") int index,
        @JsonProperty("split") String split,
        @JsonProperty("grid") String grid) {

    public static PuzzleRef of(Puzzle p) {
        return new PuzzleRef(p.id(), p.seed(), p.index(), p.spec().split().id(), p.grid().toString());
    }

    /** The split, "train" when an old line does not name it. */
    @Override
    public String split() {
        return split == null ? "train" : split;
    }
}
