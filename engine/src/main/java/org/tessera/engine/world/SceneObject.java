package org.tessera.engine.world;

/** One coloured shape, centred in a grid cell (1..9). */
public record SceneObject(ShapeKind kind, Colour colour, Size size, int cell) {
    public SceneObject {
        Grid.row(cell);
    }

    /** "red circle": how questions refer to the object (colour and kind are unique together within a scene). */
    public String name() {
        return colour.word() + " " + kind.word();
    }
}
