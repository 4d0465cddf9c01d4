package org.tessera.engine.runs;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A running worker's sign of life, {@code heartbeat.json} beside run.json, rewritten every {@link #INTERVAL_MS}:
 * when it was written, by which process on which host. A worker on another machine has a pid that means nothing
 * here; its fresh heartbeat keeps the run manager from marking it failed at the first poll.
 */
public record Heartbeat(@JsonProperty("ms") long ms, @JsonProperty("pid") long pid, @JsonProperty("host") String host) {
    public static final long INTERVAL_MS = 5_000;
    /** Three missed beats: the worker is gone (or its machine cannot write the folder any more). */
    public static final long STALE_MS = 3 * INTERVAL_MS;
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    /** Whether the heartbeat was written less than {@link #STALE_MS} before {@code nowMs}. */
    public boolean fresh(long nowMs) {
        return nowMs - ms < STALE_MS;
    }

    /** This machine's host name, as heartbeats name it. */
    public static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public static Optional<Heartbeat> read(RunFolder folder) {
        if (!Files.isRegularFile(folder.heartbeatFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(folder.heartbeatFile().toFile(), Heartbeat.class));
        } catch (IOException e) {
            return Optional.empty(); // unreadable right now: the next beat replaces it
        }
    }

    static void write(RunFolder folder, Heartbeat beat) {
        try {
            AtomicFiles.write(folder.heartbeatFile(), tmp -> JSON.writeValue(tmp.toFile(), beat));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + folder.heartbeatFile() + ": " + e.getMessage(), e);
        }
    }

    /** Beats for this process until closed; the first beat is written before this returns. */
    static AutoCloseable beat(RunFolder folder) {
        long pid = ProcessHandle.current().pid();
        String host = thisHost();
        write(folder, new Heartbeat(System.currentTimeMillis(), pid, host));
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-heartbeat");
            t.setDaemon(true);
            return t;
        });
        beats.scheduleAtFixedRate(() -> {
            try {
                write(folder, new Heartbeat(System.currentTimeMillis(), pid, host));
            } catch (RuntimeException e) {
                // a full disk or a vanished folder: the run itself will say so; a missed beat is harmless
            }
        }, INTERVAL_MS, INTERVAL_MS, TimeUnit.MILLISECONDS);
        return beats::shutdownNow;
    }
}
