package org.tessera.app.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerTaskExecutorTest {
    // Stands in for the JavaFX thread: one thread that runs callbacks in submission order, like Platform.runLater.
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-ui"));
    private final WorkerTaskExecutor executor = new WorkerTaskExecutor(ui, 1);
    private final List<String> events = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        executor.close();
        ui.shutdownNow();
    }

    @Test
    void runsWorkOffTheUiThreadAndCallbacksOnIt() throws Exception {
        String result = BackgroundTask.wrap(() -> {
                    events.add("work on " + Thread.currentThread().getName());
                    return "done";
                })
                .onRunning(() -> events.add("running on " + Thread.currentThread().getName()))
                .onSuccess(value -> events.add(value + " on " + Thread.currentThread().getName()))
                .onFailure(error -> events.add("failure"))
                .executeWith(executor)
                .get(10, TimeUnit.SECONDS);
        drainUi();

        assertEquals("done", result);
        // The work runs on the worker and the callbacks on the UI thread; "running" is posted to the UI thread
        // before the work starts, so it always precedes "done" there, but the worker may start before the UI thread
        // gets to it: only the order of the UI-thread callbacks is guaranteed.
        assertEquals(3, events.size(), events.toString());
        assertTrue(events.contains("work on tessera-worker-1"), events.toString());
        assertEquals(List.of("running on fake-ui", "done on fake-ui"),
                events.stream().filter(e -> e.endsWith("on fake-ui")).toList());
    }

    @Test
    void deliversErrorsIncludingJvmErrorsToTheFailureCallback() throws Exception {
        UnsatisfiedLinkError linkError = new UnsatisfiedLinkError("no torch in java.library.path");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        var future = BackgroundTask.wrap(() -> {
                    throw linkError;
                })
                .onSuccess(value -> events.add("success"))
                .onFailure(failures::add)
                .executeWith(executor);

        ExecutionException thrown = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        drainUi();

        assertSame(linkError, thrown.getCause());
        assertEquals(List.of(linkError), failures);
        assertEquals(List.of(), events);
    }

    @Test
    void workerThreadsAreDaemonsSoTheyCannotKeepTheJvmAlive() throws Exception {
        Thread worker = BackgroundTask.wrap(Thread::currentThread).executeWith(executor).get(10, TimeUnit.SECONDS);
        assertNotEquals(Thread.currentThread(), worker);
        assertEquals(true, worker.isDaemon());
    }

    private void drainUi() throws Exception {
        ui.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }
}
