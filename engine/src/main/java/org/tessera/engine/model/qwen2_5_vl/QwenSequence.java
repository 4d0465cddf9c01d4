package org.tessera.engine.model.qwen2_5_vl;

import java.util.List;

/**
 * One model input as tokens: the prompt's ids (image pads already expanded), its processed images in order, and
 * optionally a completion scored after it.
 *
 * @param completion tokens after the prompt (EOS included when it should be scored), empty for generation
 */
public record QwenSequence(int[] prompt, List<QwenImageProcessor.Processed> images, int[] completion) {
    public QwenSequence {
        images = List.copyOf(images);
        completion = completion == null ? new int[0] : completion;
    }

    public int length() {
        return prompt.length + completion.length;
    }

    public int[] tokens() {
        int[] t = java.util.Arrays.copyOf(prompt, length());
        System.arraycopy(completion, 0, t, prompt.length, completion.length);
        return t;
    }

    public QwenSequence withCompletion(int[] c) {
        return new QwenSequence(prompt, images, c);
    }
}
