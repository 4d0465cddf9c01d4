package org.tessera.engine.pretrain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sample-configs/pretrain-tiny.json}: everything that determines a pretraining run (with the seed, the
 * result is reproducible). Unknown fields are errors, so a typo never silently falls back to a default.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record PretrainConfig(
        @JsonProperty(value = "schema", required = true) int schema,
        @JsonProperty(value = "name", required = true) String name,
        @JsonProperty(value = "seed", required = true) long seed,
        @JsonProperty(value = "model", required = true) ModelSizes model,
        @JsonProperty(value = "steps", required = true) int steps,
        @JsonProperty(value = "batch_size", required = true) int batchSize,
        @JsonProperty(value = "lr", required = true) float lr,
        @JsonProperty("warmup_steps") int warmupSteps,
        @JsonProperty("min_lr_ratio") float minLrRatio,
        @JsonProperty("weight_decay") float weightDecay,
        @JsonProperty("grad_clip") float gradClip,
        @JsonProperty("eval_every") int evalEvery,
        @JsonProperty("eval_n") int evalN,
        @JsonProperty("checkpoint_every") int checkpointEvery,
        @JsonProperty("keep_checkpoints") int keepCheckpoints,
        @JsonProperty("data") JsonNode data) {

    /** The model's sizes (vocabulary size comes from the tokenizer). */
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ModelSizes(
            @JsonProperty(value = "hidden_size", required = true) int hiddenSize,
            @JsonProperty(value = "num_layers", required = true) int numLayers,
            @JsonProperty(value = "num_heads", required = true) int numHeads,
            @JsonProperty(value = "intermediate_size", required = true) int intermediateSize,
            @JsonProperty(value = "max_text_positions", required = true) int maxTextPositions,
            @JsonProperty(value = "image_size", required = true) int imageSize,
            @JsonProperty(value = "patch_size", required = true) int patchSize,
            @JsonProperty(value = "max_images", required = true) int maxImages,
            @JsonProperty("vision_mlp") boolean visionMlp) {
    }

    /** Every out-of-range value, each with its JSON path. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (schema != 1) {
            p.add("$.schema: " + schema + " is not a known version (1)");
        }
        if (steps < 1) {
            p.add("$.steps: must be >= 1, got " + steps);
        }
        if (batchSize < 1) {
            p.add("$.batch_size: must be >= 1, got " + batchSize);
        }
        if (!(lr > 0) || lr > 1) {
            p.add("$.lr: must be in (0, 1], got " + lr);
        }
        if (warmupSteps < 0) {
            p.add("$.warmup_steps: must be >= 0, got " + warmupSteps);
        }
        if (minLrRatio < 0 || minLrRatio > 1) {
            p.add("$.min_lr_ratio: must be in [0, 1], got " + minLrRatio);
        }
        if (weightDecay < 0) {
            p.add("$.weight_decay: must be >= 0, got " + weightDecay);
        }
        if (gradClip < 0) {
            p.add("$.grad_clip: must be >= 0 (0 = off), got " + gradClip);
        }
        if (evalEvery < 0 || checkpointEvery < 0) {
            p.add("$.eval_every / $.checkpoint_every: must be >= 0 (0 = only at the end)");
        }
        return p;
    }
}
