package org.tessera.engine.model;

import java.awt.Dimension;
import java.util.function.UnaryOperator;

/**
 * How a model writes its answers to public benchmark questions, so that a benchmark suite can build the reference
 * completion it scores and read the model's own answer back.
 *
 * @param answerTags whether answers go in Tessera's {@code <answer>..</answer>} tags (the built-in model's
 *                   training format) rather than as plain text (chat models such as Qwen2.5-VL)
 * @param boxes      what box coordinates mean, in words (for docs and the CLI)
 * @param boxFrame   the size (width x height) of the coordinate frame a box refers to, given the image's original
 *                   size: a box (x1, y1, x2, y2) in that frame maps to the original image by x * width / frame
 *                   width, y * height / frame height
 */
public record AnswerConvention(boolean answerTags, String boxes, UnaryOperator<Dimension> boxFrame) {

    /** Plain text, boxes in absolute pixels of the image as given: the default for a model that says nothing. */
    public static AnswerConvention plainOriginalPixels() {
        return new AnswerConvention(false, "absolute pixels of the original image",
                d -> new Dimension(d.width, d.height));
    }

    /** The frame of an image of the given size. */
    public Dimension frameOf(int width, int height) {
        return boxFrame.apply(new Dimension(width, height));
    }
}
