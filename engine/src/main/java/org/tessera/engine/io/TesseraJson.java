package org.tessera.engine.io;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Tessera's JSON settings, declared once: every reader and writer in the engine and the workbench takes its mapper
 * from here. Jackson's defaults otherwise, which give the run-folder contract's spelling of non-finite numbers
 * ("NaN", "Infinity", "-Infinity" as strings: docs/contracts). The variants differ in two choices only:
 * <ul>
 *   <li>indented output for files people read (configs, run.json, experiment.json) or compact for JSONL lines;</li>
 *   <li>strict reading (an unknown field fails: Tessera's own configs, where it is a typo) or lenient reading (an
 *       unknown field is ignored: run-folder files, which a newer worker may extend).</li>
 * </ul>
 */
public final class TesseraJson {
    /** Compact, strict. */
    public static final ObjectMapper MAPPER = new ObjectMapper();
    /** Indented, strict. */
    public static final ObjectMapper INDENTED = MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
    /**
     * Compact, lenient: an unknown field is ignored, and a {@code double} that is null or missing reads as NaN,
     * never 0 ({@link NonFiniteDoubles}).
     */
    public static final ObjectMapper LENIENT = MAPPER.copy()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .registerModule(NonFiniteDoubles.module());
    /** Indented, lenient. */
    public static final ObjectMapper LENIENT_INDENTED = LENIENT.copy().enable(SerializationFeature.INDENT_OUTPUT);

    private TesseraJson() {
    }
}
