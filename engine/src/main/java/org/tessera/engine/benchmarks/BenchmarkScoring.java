package org.tessera.engine.benchmarks;

/** Scores one generation of one item with its benchmark's own extraction. */
final class BenchmarkScoring {
    /** RefCOCO's criterion: a box is right when its IoU with the reference is at least this. */
    static final double IOU_THRESHOLD = 0.5;

    private BenchmarkScoring() {
    }

    /** {extracted, score, wellFormed} for a generation. */
    record Scored(String extracted, double score, boolean wellFormed) {
    }

    static Scored score(BenchmarkItem item, String generated, boolean tagged) {
        String tagContent = AnswerExtraction.taggedAnswer(generated);
        String text = AnswerExtraction.answerText(generated);
        boolean tagsOk = !tagged || tagContent != null;
        BenchmarkRow row = item.row();
        return switch (item.kind()) {
            case MULTIPLE_CHOICE -> {
                String letter = AnswerExtraction.letter(text, row.options());
                yield new Scored(letter, letter != null && letter.equals(row.answer()) ? 1 : 0,
                        tagsOk && letter != null);
            }
            case YES_NO -> {
                String yn = AnswerExtraction.yesNo(text);
                yield new Scored(yn, yn != null && yn.equals(row.answer()) ? 1 : 0, tagsOk && yn != null);
            }
            case SHORT_ANSWER -> {
                boolean parsed = !text.isBlank();
                yield new Scored(parsed ? text : null, parsed ? Anls.score(text, row.answers()) : 0, tagsOk && parsed);
            }
            case GROUNDING -> {
                Box inFrame = Box.parse(text);
                if (inFrame == null) {
                    yield new Scored(null, 0, false);
                }
                Box box = inFrame.rescale(item.frameWidth(), item.frameHeight(), item.imageWidth(), item.imageHeight());
                yield new Scored(box.toString(), box.iou(row.box()) >= IOU_THRESHOLD ? 1 : 0, tagsOk);
            }
        };
    }
}
