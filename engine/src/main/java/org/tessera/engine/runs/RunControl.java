package org.tessera.engine.runs;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code control.json}: what the user asks of a running worker (written by the workbench or {@code tessera
 * cancel}, read by the worker between steps). A file rather than a socket, because the worker must keep going
 * when the window that started it is gone, and a reopened window must be able to steer it.
 */
public record RunControl(@JsonProperty("pause") boolean pause, @JsonProperty("cancel") boolean cancel) {
    public static final RunControl NONE = new RunControl(false, false);
}
