package org.tessera.engine.world;

/**
 * The curriculum knob: the largest number of shapes a pretraining scene may hold, growing linearly from
 * {@code startObjects} at step 0 to {@code endObjects} at {@code rampSteps}. Few objects first make the early
 * steps about seeing one thing; binding and counting come as scenes fill up.
 */
public record Curriculum(int startObjects, int endObjects, long rampSteps) {
    public Curriculum {
        if (startObjects < 1 || endObjects < startObjects || endObjects > SceneSpec.MAX_OBJECTS || rampSteps < 0) {
            throw new IllegalArgumentException("curriculum " + startObjects + "->" + endObjects + " over " + rampSteps);
        }
    }

    /** Full difficulty from the first step. */
    public static Curriculum none() {
        return new Curriculum(SceneSpec.MAX_OBJECTS, SceneSpec.MAX_OBJECTS, 0);
    }

    /** Two objects at first, five after 1,500 steps. */
    public static Curriculum standard() {
        return new Curriculum(2, SceneSpec.MAX_OBJECTS, 1500);
    }

    public int maxObjects(long step) {
        if (rampSteps == 0 || step >= rampSteps) {
            return endObjects;
        }
        return startObjects + (int) ((endObjects - startObjects + 1) * step / rampSteps);
    }
}
