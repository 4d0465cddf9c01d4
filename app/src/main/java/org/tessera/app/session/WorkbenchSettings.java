package org.tessera.app.session;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tessera.engine.io.AtomicFiles;

/**
 * What the window remembers between sessions (column widths, chart layout): one properties file,
 * {@code $TESSERA_HOME/workbench.properties} in the workbench, or memory only (tests, and when no file is given).
 * Writes are coalesced: a column dragged across 200 pixels writes the file once, 300 ms after the last change, on
 * a background thread. A damaged file is reported once on stderr and ignored: settings are a convenience, never a
 * reason not to start.
 */
public final class WorkbenchSettings implements AutoCloseable {
    public static final String FILE_NAME = "workbench.properties";

    private final Path file;
    private final Properties values = new Properties();
    private final ScheduledExecutorService writer;
    private boolean writeScheduled;

    private WorkbenchSettings(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file)) {
                values.load(r);
            } catch (IOException | IllegalArgumentException e) {
                System.err.println("tessera: ignoring the window settings in " + file + ": " + e.getMessage());
            }
        }
        writer = file == null ? null : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-settings");
            t.setDaemon(true);
            return t;
        });
    }

    /** Settings kept in {@code file} (read now, written after changes). */
    public static WorkbenchSettings in(Path file) {
        return new WorkbenchSettings(file);
    }

    /** Settings that last as long as this object (tests, or no writable home). */
    public static WorkbenchSettings inMemory() {
        return new WorkbenchSettings(null);
    }

    public synchronized double number(String key, double fallback) {
        String v = values.getProperty(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public synchronized String text(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized void put(String key, Object value) {
        String v = String.valueOf(value);
        if (v.equals(values.getProperty(key))) {
            return;
        }
        values.setProperty(key, v);
        if (writer != null && !writeScheduled) {
            writeScheduled = true;
            writer.schedule(this::write, 300, TimeUnit.MILLISECONDS);
        }
    }

    /** Writes pending changes now (the window closing). */
    public void flush() {
        if (writer != null) {
            write();
        }
    }

    private void write() {
        Properties snapshot = new Properties();
        synchronized (this) {
            writeScheduled = false;
            snapshot.putAll(values);
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            AtomicFiles.write(file, tmp -> {
                try (Writer w = Files.newBufferedWriter(tmp)) {
                    snapshot.store(w, "Tessera workbench: window settings (column widths, chart layout)");
                }
            });
        } catch (IOException | RuntimeException e) {
            System.err.println("tessera: cannot save the window settings to " + file + ": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        flush();
        if (writer != null) {
            writer.shutdownNow();
        }
    }
}
