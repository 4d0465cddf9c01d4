package org.tessera.engine.jobs;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A {@link JobMonitor} as the CLI shows it: one progress bar on stderr per task, replaced when the task changes. It
 * never cancels (Ctrl-C ends the process).
 */
public final class ConsoleProgress implements JobMonitor, AutoCloseable {
    private ProgressBar bar;
    private String task;

    @Override
    public synchronized void progress(String task, long done, long total, String detail) {
        if (!task.equals(this.task)) {
            close();
            this.task = task;
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(Math.max(total, 1))
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).showSpeed()
                    .startsFrom(done, java.time.Duration.ZERO).setMaxRenderedLength(110).build();
        }
        if (total > 0) {
            bar.maxHint(total);
        }
        bar.stepTo(done);
        if (!detail.isEmpty()) {
            // the bar writes its extra message straight after the speed ("12.0/s"): keep them apart
            bar.setExtraMessage(" " + detail);
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        task = null;
    }
}
