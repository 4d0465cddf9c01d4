package org.tessera.engine.train;

/** A loss or gradient that is NaN or infinite: the run stops as "failed: diverged at step N". */
public class DivergedException extends RuntimeException {
    private final long step;

    public DivergedException(long step, String what) {
        super("diverged at step " + step + ": " + what);
        this.step = step;
    }

    public long step() {
        return step;
    }
}
