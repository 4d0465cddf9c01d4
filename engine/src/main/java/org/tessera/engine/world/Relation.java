package org.tessera.engine.world;

/** Spatial relations between adjacent cells, as the questions phrase them ("the shape left of the red circle"). */
public enum Relation {
    LEFT_OF("left of", 0, -1),
    RIGHT_OF("right of", 0, 1),
    ABOVE("above", -1, 0),
    BELOW("below", 1, 0);

    private final String phrase;
    private final int rowStep;
    private final int columnStep;

    Relation(String phrase, int rowStep, int columnStep) {
        this.phrase = phrase;
        this.rowStep = rowStep;
        this.columnStep = columnStep;
    }

    public String phrase() {
        return phrase;
    }

    int rowStep() {
        return rowStep;
    }

    int columnStep() {
        return columnStep;
    }
}
