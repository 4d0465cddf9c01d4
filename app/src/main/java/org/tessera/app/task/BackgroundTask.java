package org.tessera.app.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A piece of work for a background thread plus what to do with its outcome on the UI thread. Deliberately
 * independent of {@code javafx.concurrent.Task} (as in JabRef): tests run it synchronously with a current-thread
 * executor, and nothing here needs the JavaFX toolkit.
 *
 * <pre>{@code
 * BackgroundTask.wrap(() -> service.load(dir))
 *     .onRunning(() -> view.showLoading(dir))
 *     .onSuccess(view::showCard)
 *     .onFailure(view::showError)
 *     .executeWith(executor);
 * }</pre>
 *
 * @param <T> the result of the work
 */
public final class BackgroundTask<T> {
    private final Callable<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure = error -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    /** Called on the UI thread before the work starts. */
    public BackgroundTask<T> onRunning(Runnable callback) {
        this.onRunning = Objects.requireNonNull(callback);
        return this;
    }

    /** Called on the UI thread with the result. */
    public BackgroundTask<T> onSuccess(Consumer<T> callback) {
        this.onSuccess = Objects.requireNonNull(callback);
        return this;
    }

    /**
     * Called on the UI thread with whatever the work threw, {@link Error}s included: a native library that fails to
     * load raises {@code UnsatisfiedLinkError}, and the user must see that rather than a silent worker death.
     */
    public BackgroundTask<T> onFailure(Consumer<Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback);
        return this;
    }

    public Future<T> executeWith(TaskExecutor executor) {
        return executor.execute(this);
    }

    // The executor's side: run the stages in order, each on the thread the executor chooses.

    void fireRunning() {
        onRunning.run();
    }

    T call() throws Exception {
        return work.call();
    }

    void fireSuccess(T result) {
        onSuccess.accept(result);
    }

    void fireFailure(Throwable error) {
        onFailure.accept(error);
    }
}
