package org.tessera.engine.runs;

/** Life cycle of a run. Terminal states (cancelled, failed, finished) are final, as in MZmine's task states. */
public enum RunState {
    QUEUED, RUNNING, PAUSED, CANCELLING, CANCELLED, FAILED, FINISHED;

    public boolean terminal() {
        return this == CANCELLED || this == FAILED || this == FINISHED;
    }

    public String id() {
        return name().toLowerCase();
    }
}
