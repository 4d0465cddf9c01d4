package org.tessera.engine.model.qwen2_5_vl;

/**
 * How position ids are assigned to a sequence with images.
 *
 * <ul>
 *   <li>{@link #MULTIMODAL}: transformers' {@code get_rope_index} (the default): image tokens take (t, h, w)
 *   from their grid cell, text after an image continues from the largest position + 1. This is what the model
 *   was trained with, and what transformers computes when it is given the processor's outputs.</li>
 *   <li>{@link #SEQUENTIAL}: every token's t = h = w = its index, as for text. transformers 5 falls back to this
 *   when the forward call lacks the processor's {@code mm_token_type_ids}; the shared fixtures' reference logits,
 *   greedy tokens, loss and gradients were computed that way (they match these positions to 1e-5 and differ by
 *   up to 5 in the logits under the 3-D ones), so the parity tests reproduce them with this mode.</li>
 * </ul>
 */
public enum RopeIndex {
    MULTIMODAL,
    SEQUENTIAL
}
