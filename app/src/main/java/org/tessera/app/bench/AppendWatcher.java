package org.tessera.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.tessera.engine.runs.MetricsFollower;

/**
 * Records when each metrics event was appended to a run's {@code metrics.jsonl}: a thread of its own checks the
 * file's size every millisecond and, for the complete lines that appeared, takes the file's modification time (set
 * by the kernel when the worker wrote them, so independent of how late this thread noticed) or the time it saw
 * them, whichever is earlier. Clock: wall time in microseconds since the epoch, the same clock the chart side uses.
 * Resolution: the kernel's file-time tick (a few milliseconds on Linux).
 */
final class AppendWatcher implements AutoCloseable {
    private final Path file;
    private final MetricsFollower follower;
    private final Map<String, Long> appendedMicros = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    AppendWatcher(Path file) {
        this.file = file;
        this.follower = new MetricsFollower(file);
        this.thread = new Thread(this::loop, "tessera-bench-append-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** "train:12" or "eval:20": an event's identity within one run. */
    static String key(JsonNode event) {
        return event.path("event").asText() + ":" + event.path("step").asLong();
    }

    /** Event key -> append time (epoch microseconds), for every event seen so far. */
    Map<String, Long> appended() {
        return Map.copyOf(appendedMicros);
    }

    private void loop() {
        long lastSize = -1;
        while (running) {
            try {
                if (Files.isRegularFile(file)) {
                    long size = Files.size(file);
                    if (size != lastSize) {
                        long seen = micros(Instant.now());
                        long modified = Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS);
                        long at = Math.min(seen, modified);
                        for (JsonNode event : follower.poll()) {
                            if (event.has("step") && event.has("event")) {
                                appendedMicros.putIfAbsent(key(event), at);
                            }
                        }
                        lastSize = size;
                    }
                }
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            } catch (IOException e) {
                // being written or replaced: look again next millisecond
            }
        }
    }

    static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
