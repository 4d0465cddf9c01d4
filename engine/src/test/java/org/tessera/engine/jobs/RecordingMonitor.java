package org.tessera.engine.jobs;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link JobMonitor} for tests: records every progress call as {@code "task done/total"} and cancels once it has
 * seen {@code cancelAfter} of them (never, for a negative value).
 */
public final class RecordingMonitor implements JobMonitor {
    public final List<String> seen = new ArrayList<>();
    private final int cancelAfter;

    public RecordingMonitor(int cancelAfter) {
        this.cancelAfter = cancelAfter;
    }

    /** A monitor that only records. */
    public RecordingMonitor() {
        this(-1);
    }

    @Override
    public synchronized void progress(String task, long done, long total, String detail) {
        seen.add(task + " " + done + "/" + total);
    }

    @Override
    public synchronized boolean cancelled() {
        return cancelAfter >= 0 && seen.size() >= cancelAfter;
    }
}
