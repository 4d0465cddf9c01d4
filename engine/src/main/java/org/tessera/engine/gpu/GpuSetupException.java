package org.tessera.engine.gpu;

/** A step of gpu-setup that failed: what went wrong, and what the user can do about it. */
public final class GpuSetupException extends RuntimeException {
    private final String remedy;

    public GpuSetupException(String problem, String remedy) {
        super(problem);
        this.remedy = remedy;
    }

    public String remedy() {
        return remedy;
    }
}
