package org.tessera.engine.jobs;

import java.util.concurrent.CancellationException;

/**
 * The one way long engine work (an analysis, pretraining) tells how far it is and learns that it should stop. The
 * CLI drives it with a progress bar ({@link ConsoleProgress}), the workbench with a progress strip and a Cancel
 * button; the work calls it on its own thread. Runs are different: their worker is another process, followed through
 * the run folder.
 */
public interface JobMonitor {
    /** A monitor that shows nothing and never cancels. */
    JobMonitor NONE = (task, done, total, detail) -> { };

    /**
     * {@code done} of {@code total} units of {@code task} (total 0: no count known yet, e.g. while a model loads);
     * {@code detail} a short note such as the running loss, or empty.
     */
    void progress(String task, long done, long total, String detail);

    /** Asked between units of work; true stops the work with a {@link CancellationException}. */
    default boolean cancelled() {
        return false;
    }

    /** Stops the work when cancelled: {@code where} says how far it got, for the message. */
    default void throwIfCancelled(String where) {
        if (cancelled()) {
            throw new CancellationException("cancelled at " + where);
        }
    }
}
