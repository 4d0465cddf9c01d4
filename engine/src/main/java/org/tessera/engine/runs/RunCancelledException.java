package org.tessera.engine.runs;

/** Thrown inside a run's training loop when the user cancelled it (checked between steps). */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException(long step) {
        super("cancelled at step " + step);
    }
}
