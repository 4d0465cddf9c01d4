package org.tessera.engine.benchmarks;

import org.tessera.engine.model.AnswerConvention;

import java.awt.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The question text and reference completion of a benchmark row for a model's answer convention.
 *
 * <p>Plain-text models (Qwen2.5-VL) get VLMEvalKit's Qwen2-VL prompts: {@code [Hint: ..\n]Question: ..\nOptions:\nA.
 * ..\nPlease select the correct answer from the options above.} (multiple choice); the question and
 * {@code " Please answer yes or no."} (yes/no); the question and {@code "\nPlease try to answer the question with
 * short words or phrases if possible."} (short answer); and for grounding the Qwen2.5-VL cookbook's request, whose
 * reference answer is its JSON ({@code [{"bbox_2d": [x1, y1, x2, y2], "label": ..}]}) in the model's frame. The
 * references are what such a model writes: {@code B}, {@code Yes}, the first accepted answer.
 *
 * <p>Tagged models (the built-in one) get the question and options without an English instruction, which they were
 * never taught, and references in their answer tags: {@code <answer>B</answer>}, {@code <answer>yes</answer>}
 * (their world's spelling), {@code <answer>x1 y1 x2 y2</answer>}.
 */
final class BenchmarkPrompts {
    static final String MCQ_INSTRUCTION = "Please select the correct answer from the options above.";
    static final String YES_NO_INSTRUCTION = " Please answer yes or no.";
    static final String SHORT_INSTRUCTION = "\nPlease try to answer the question with short words or phrases if possible.";

    private BenchmarkPrompts() {
    }

    static BenchmarkItem item(Benchmark b, BenchmarkRow row, List<Picture> images, AnswerConvention c) {
        boolean tags = c.answerTags();
        String open = tags ? "<answer>" : "";
        String close = tags ? "</answer>" : "";
        Picture first = images.isEmpty() ? null : images.get(0);
        Dimension frame = first == null ? new Dimension(1, 1) : c.frameOf(first.width(), first.height());
        String text;
        String answer;
        List<String> candidates = new ArrayList<>();
        int ref = -1;
        switch (b.kind()) {
            case MULTIPLE_CHOICE -> {
                StringBuilder sb = new StringBuilder();
                if (row.hint() != null) {
                    sb.append("Hint: ").append(row.hint()).append('\n');
                }
                sb.append(tags ? "" : "Question: ").append(row.question()).append('\n');
                sb.append(tags ? "" : "Options:\n");
                for (Map.Entry<String, String> o : row.options().entrySet()) {
                    sb.append(o.getKey()).append(". ").append(o.getValue()).append('\n');
                }
                text = tags ? sb.toString().strip() : (sb + MCQ_INSTRUCTION).strip();
                answer = row.answer();
                for (String letter : row.options().keySet()) {
                    candidates.add(letter + close);
                }
                ref = new ArrayList<>(row.options().keySet()).indexOf(row.answer());
            }
            case YES_NO -> {
                text = tags ? row.question() : row.question() + YES_NO_INSTRUCTION;
                List<String> words = tags ? List.of("yes", "no") : List.of("Yes", "No");
                answer = words.get(row.answer().equals("yes") ? 0 : 1);
                words.forEach(w -> candidates.add(w + close));
                ref = row.answer().equals("yes") ? 0 : 1;
            }
            case SHORT_ANSWER -> {
                text = tags ? row.question() : row.question() + SHORT_INSTRUCTION;
                answer = row.answer();
            }
            case GROUNDING -> {
                Box inFrame = first == null ? row.box() : row.box().rescale(first.width(), first.height(),
                        frame.width, frame.height);
                long[] v = inFrame.rounded();
                if (tags) {
                    text = row.question();
                    answer = v[0] + " " + v[1] + " " + v[2] + " " + v[3];
                } else {
                    text = "Locate " + row.question() + " in this image and output the bbox coordinates in JSON format.";
                    answer = "```json\n[\n\t{\"bbox_2d\": [" + v[0] + ", " + v[1] + ", " + v[2] + ", " + v[3]
                            + "], \"label\": \"" + row.question().replace("\"", "'") + "\"}\n]\n```";
                }
            }
            default -> throw new IllegalStateException();
        }
        return new BenchmarkItem(b.name(), b.kind(), row, images, text, open + answer + close, open, candidates, ref,
                frame.width, frame.height);
    }
}
