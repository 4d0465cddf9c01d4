package org.tessera.app.task;

import java.util.concurrent.Future;

/** Runs {@link BackgroundTask}s; production uses worker threads, tests a synchronous executor. */
public interface TaskExecutor extends AutoCloseable {

    /**
     * Starts the task: its running callback, then its work, then the success or failure callback.
     *
     * @return completes with the work's result, or exceptionally with what it threw, once the matching callback
     *         has been handed to the UI thread (it may not have run yet)
     */
    <T> Future<T> execute(BackgroundTask<T> task);

    /** Stops accepting tasks and interrupts running ones (the window is closing). */
    @Override
    void close();
}
