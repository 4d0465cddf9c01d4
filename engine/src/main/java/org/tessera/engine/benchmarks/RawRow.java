package org.tessera.engine.benchmarks;

import java.util.List;
import java.util.Map;

/**
 * A row as a reader found it, before the benchmark's kind decides what a valid answer is.
 *
 * @param id         the row's {@code index} (or the line number when the file has none)
 * @param line       1-based line the row starts on
 * @param question   the question (for grounding: the referring expression)
 * @param hint       optional context shown before the question (MMBench's {@code hint}), or null
 * @param options    letter to option text, in letter order; empty when the file has no options
 * @param answers    the accepted answers as written (one, except short-answer benchmarks with several)
 * @param imageField the image as the file holds it: base64, a list of them, a file path, or another row's index;
 *                   null when the reader loads images separately (TSV)
 * @param imageRef   for TSV: another row's index this row borrows its image from (VLMEvalKit's space saving), else
 *                   null
 */
record RawRow(String id, int line, String question, String hint, Map<String, String> options, List<String> answers,
              String imageField, String imageRef) {
}
