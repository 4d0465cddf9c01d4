package org.tessera.app.widgets;

import org.tessera.engine.jobs.JobMonitor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;

/**
 * A computation's progress bar, what it is doing, and its Cancel button. {@link #start()} hands the worker a
 * {@link JobMonitor} (the engine's one progress and cancel mechanism): its reports reach the UI thread coalesced
 * (one hand-over pending at a time, the latest report wins), and Cancel only raises a flag that the work reads
 * between samples.
 */
public final class ProgressStrip extends HBox {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private volatile boolean cancelRequested;

    public ProgressStrip(String idPrefix) {
        super(8);
        setId(idPrefix + "-progress");
        bar.setId(idPrefix + "-progress-bar");
        bar.setPrefWidth(160);
        message.setId(idPrefix + "-progress-message");
        cancel.setId(idPrefix + "-cancel");
        cancel.setOnAction(e -> {
            cancelRequested = true;
            cancel.setDisable(true);
            message.setText("Cancelling …");
        });
        getStyleClass().add("view-header");
        getChildren().addAll(bar, cancel, message);
        idle();
    }

    /** Shows the strip for a new computation (UI thread) and returns the worker's side of it. */
    public JobMonitor start() {
        cancelRequested = false;
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        message.setText("Waiting for the worker …");
        cancel.setDisable(false);
        setVisible(true);
        setManaged(true);
        AtomicReference<Object[]> pending = new AtomicReference<>();
        return new JobMonitor() {
            @Override
            public void progress(String task, long done, long total, String detail) {
                String text = detail.isEmpty() ? task : detail;
                double fraction = total > 0 ? (double) done / total : 0;
                if (pending.getAndSet(new Object[] {text, fraction}) == null) {
                    Platform.runLater(() -> {
                        Object[] latest = pending.getAndSet(null);
                        if (latest != null && !cancel.isDisabled()) {
                            message.setText((String) latest[0]);
                            double f = (Double) latest[1];
                            bar.setProgress(f > 0 ? f : ProgressBar.INDETERMINATE_PROGRESS);
                        }
                    });
                }
            }

            @Override
            public boolean cancelled() {
                return cancelRequested;
            }
        };
    }

    /** Hides the strip once the computation has ended, whatever the outcome (UI thread). */
    public void idle() {
        cancel.setDisable(true);
        bar.setProgress(0);
        setVisible(false);
        setManaged(false);
    }
}
