package org.tessera.engine.analysis;

import java.nio.file.Path;

/** A data file the analysis cannot use; the message names the file (and the line, when one is at fault). */
public final class AnalysisDataException extends RuntimeException {
    public AnalysisDataException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public AnalysisDataException(Path file, int line, String problem) {
        super(file + ":" + line + ": " + problem);
    }
}
