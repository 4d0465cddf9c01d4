package org.tessera.app.task;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs work on daemon worker threads and hands every callback to the UI thread through {@code uiThread}
 * ({@code Platform::runLater} in the workbench). Daemon threads, so a task still running when the window closes
 * cannot keep the JVM alive.
 */
public final class WorkerTaskExecutor implements TaskExecutor {
    private final ExecutorService workers;
    private final Executor uiThread;

    public WorkerTaskExecutor(Executor uiThread, int threads) {
        this(uiThread, threads, "tessera-worker");
    }

    /** {@code name}: the threads' name prefix, so a thread dump tells the model's worker from the analyses'. */
    public WorkerTaskExecutor(Executor uiThread, int threads, String name) {
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> Future<T> execute(BackgroundTask<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        uiThread.execute(task::fireRunning);
        workers.execute(() -> {
            // The callback is queued before the future completes, so whoever waits on the future and then on the
            // UI thread sees the callback done.
            T value;
            try {
                value = task.call();
            } catch (Throwable error) {
                uiThread.execute(() -> task.fireFailure(error));
                result.completeExceptionally(error);
                return;
            }
            uiThread.execute(() -> task.fireSuccess(value));
            result.complete(value);
        });
        return result;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
