package org.tessera.engine.runs;

/**
 * Thrown inside a run when the user cancelled it: checked between training steps, and between chunks of long work
 * inside one (the policy harvest, through {@link RunContext#monitor()}).
 */
public class RunCancelledException extends RuntimeException {
    public RunCancelledException(long step) {
        super("cancelled at step " + step);
    }

    /** Cancelled during work after {@code step}; {@code where} says how far that work got. */
    public RunCancelledException(long step, String where) {
        super("cancelled at step " + step + " (" + where + ")");
    }
}
