package org.tessera.app.runs;

import java.time.Duration;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunNotes;
import org.tessera.engine.runs.RunState;

/**
 * One line of the runs table: a run folder and its latest state. The state is a property, so an update redraws
 * the line in place and the table keeps its selection.
 */
public final class RunRow {
    private final RunFolder folder;
    private final ObjectProperty<RunInfo> info;
    /** The run's label and note (notes.json), read off the UI thread after the row appears. */
    private final ObjectProperty<RunNotes> notes = new SimpleObjectProperty<>(RunNotes.NONE);

    public RunRow(RunFolder folder, RunInfo info) {
        this.folder = folder;
        this.info = new SimpleObjectProperty<>(info);
    }

    public RunFolder folder() {
        return folder;
    }

    public ObjectProperty<RunInfo> infoProperty() {
        return info;
    }

    public RunInfo info() {
        return info.get();
    }

    public String name() {
        return folder.name();
    }

    public ObjectProperty<RunNotes> notesProperty() {
        return notes;
    }

    public RunNotes notes() {
        return notes.get();
    }

    public static String stepText(RunInfo info) {
        return info.step() + " / " + info.totalSteps();
    }

    /**
     * Time left, extrapolated from the wall time per step so far (start to last update). Only for running runs
     * with at least one step: before that there is no rate to extrapolate.
     */
    public static String eta(RunInfo info) {
        if (info.state() != RunState.RUNNING || info.step() <= 0 || info.startedMs() <= 0
                || info.updatedMs() <= info.startedMs()) {
            return "";
        }
        double msPerStep = (double) (info.updatedMs() - info.startedMs()) / info.step();
        long left = Math.round(msPerStep * Math.max(0, info.totalSteps() - info.step()));
        return duration(left);
    }

    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return String.format(Locale.ROOT, "%dh %02dm", d.toHours(), d.toMinutesPart());
        }
        if (d.toMinutes() > 0) {
            return String.format(Locale.ROOT, "%dm %02ds", d.toMinutes(), d.toSecondsPart());
        }
        return d.toSeconds() + " s";
    }

    /** Where the run trains, as its worker recorded it: {@code gpu(0) · TF32}, {@code cpu()}. */
    public static String device(RunInfo info) {
        String d = info.device() == null ? "" : info.device();
        return info.precision() != null && info.precision().contains("TF32 matmuls") ? d + " \u00b7 TF32" : d;
    }

    public static String message(RunInfo info) {
        return info.message() == null ? "" : info.message();
    }
}
