package org.tessera.app.task;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Runs tasks synchronously on the calling thread, callbacks included: tests see the outcome right after execute. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> Future<T> execute(BackgroundTask<T> task) {
        task.fireRunning();
        T value;
        try {
            value = task.call();
        } catch (Throwable error) {
            task.fireFailure(error);
            return CompletableFuture.failedFuture(error);
        }
        task.fireSuccess(value);
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public void close() {
    }
}
