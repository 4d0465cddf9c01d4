package org.tessera.engine.runs;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.tessera.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One run = one folder: {@code experiment.json} (as resolved), {@code run.json} ({@link RunInfo}),
 * {@code control.json} ({@link RunControl}), {@code metrics.jsonl}, {@code rollouts.jsonl}, {@code checkpoints/},
 * {@code worker.log}. Whole files are written to a temp name and renamed; JSONL files get whole lines only.
 */
public record RunFolder(Path dir) {
    static final ObjectMapper JSON = TesseraJson.LENIENT_INDENTED;

    public Path experimentFile() {
        return dir.resolve("experiment.json");
    }

    public Path infoFile() {
        return dir.resolve("run.json");
    }

    public Path controlFile() {
        return dir.resolve("control.json");
    }

    public Path metricsFile() {
        return dir.resolve("metrics.jsonl");
    }

    public Path rolloutsFile() {
        return dir.resolve("rollouts.jsonl");
    }

    /** rft-then-sft: every exact rollout of the GRPO phase (harvest.from = "grpo-log"), one per line. */
    public Path harvestFile() {
        return dir.resolve("harvest.jsonl");
    }

    /** rft-then-sft with harvest.from = "policy": the SFT phase's data, sampled from the policy at the phase's end. */
    public Path sftDataFile() {
        return dir.resolve("sft-data.jsonl");
    }

    public Path checkpointsDir() {
        return dir.resolve("checkpoints");
    }

    public Path logFile() {
        return dir.resolve("worker.log");
    }

    /** A running worker's sign of life ({@link Heartbeat}). */
    public Path heartbeatFile() {
        return dir.resolve("heartbeat.json");
    }

    /** Marker of the one process that has taken this queued run to execute it (see {@link #claim()}). */
    public Path claimFile() {
        return dir.resolve("claimed");
    }

    /**
     * Takes this run for execution: true for exactly one caller, ever. A queued run can be seen by several run
     * managers (a workbench and a CLI on the same runs folder); without this, two of them launched a worker each for
     * the same folder. The CLI claims its run before run.json exists, so no manager ever sees it unclaimed.
     */
    public boolean claim() {
        try {
            Files.createFile(claimFile());
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot claim run " + dir + ": " + e.getMessage(), e);
        }
    }

    public String name() {
        return dir.getFileName().toString();
    }

    public boolean exists() {
        return Files.isRegularFile(infoFile());
    }

    public Optional<RunInfo> readInfo() {
        if (!Files.isRegularFile(infoFile())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(infoFile().toFile(), RunInfo.class));
        } catch (IOException e) {
            return Optional.empty(); // a foreign or damaged file: the caller shows the folder as unreadable
        }
    }

    public RunInfo info() {
        return readInfo().orElseThrow(() -> new IllegalStateException(infoFile() + ": missing or unreadable"));
    }

    public void writeInfo(RunInfo info) {
        writeAtomically(infoFile(), info);
    }

    public RunControl readControl() {
        if (!Files.isRegularFile(controlFile())) {
            return RunControl.NONE;
        }
        try {
            return JSON.readValue(controlFile().toFile(), RunControl.class);
        } catch (IOException e) {
            return RunControl.NONE;
        }
    }

    public void writeControl(RunControl control) {
        writeAtomically(controlFile(), control);
    }

    void writeAtomically(Path file, Object value) {
        try {
            AtomicFiles.write(file, tmp -> JSON.writeValue(tmp.toFile(), value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
