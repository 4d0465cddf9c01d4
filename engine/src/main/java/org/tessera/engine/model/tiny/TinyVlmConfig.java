package org.tessera.engine.model.tiny;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * Sizes of the built-in tiny vision-language model, stored as {@code config.json} in a checkpoint folder.
 * Field names follow Hugging Face conventions where one exists.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record TinyVlmConfig(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("name") String name,
        @JsonProperty("vocab_size") int vocabSize,
        @JsonProperty("hidden_size") int hiddenSize,
        @JsonProperty("num_layers") int numLayers,
        @JsonProperty("num_heads") int numHeads,
        @JsonProperty("intermediate_size") int intermediateSize,
        @JsonProperty("max_text_positions") int maxTextPositions,
        @JsonProperty("image_size") int imageSize,
        @JsonProperty("patch_size") int patchSize,
        @JsonProperty("max_images") int maxImages,
        @JsonProperty("layer_norm_eps") float layerNormEps,
        @JsonProperty("initializer_range") float initializerRange,
        @JsonProperty("vision_mlp") boolean visionMlp) {

    public static final String ARCHITECTURE = "tessera-tiny-vlm";

    /** Sizes without the vision MLP (checkpoints written before it existed read {@code vision_mlp} as false). */
    public TinyVlmConfig(String architecture, String name, int vocabSize, int hiddenSize, int numLayers, int numHeads,
                         int intermediateSize, int maxTextPositions, int imageSize, int patchSize, int maxImages,
                         float layerNormEps, float initializerRange) {
        this(architecture, name, vocabSize, hiddenSize, numLayers, numHeads, intermediateSize, maxTextPositions,
                imageSize, patchSize, maxImages, layerNormEps, initializerRange, false);
    }

    /** The shipped model's sizes (vocabulary size is set from the tokenizer). */
    public static TinyVlmConfig defaults(String name, int vocabSize) {
        return new TinyVlmConfig(ARCHITECTURE, name, vocabSize, 192, 4, 6, 768, 256, 48, 16, 16, 1e-5f, 0.02f, false);
    }

    public int headDim() {
        return hiddenSize / numHeads;
    }

    public int patchesPerImage() {
        int side = imageSize / patchSize;
        return side * side;
    }

    public int patchDim() {
        return patchSize * patchSize * 3;
    }

    /** Every problem with these sizes, each naming its field; empty when the config is usable. */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (!ARCHITECTURE.equals(architecture)) {
            p.add("architecture: '" + architecture + "' is not '" + ARCHITECTURE + "'");
        }
        positive(p, "vocab_size", vocabSize);
        positive(p, "hidden_size", hiddenSize);
        positive(p, "num_layers", numLayers);
        positive(p, "num_heads", numHeads);
        positive(p, "intermediate_size", intermediateSize);
        positive(p, "max_text_positions", maxTextPositions);
        positive(p, "image_size", imageSize);
        positive(p, "patch_size", patchSize);
        positive(p, "max_images", maxImages);
        if (numHeads > 0 && hiddenSize % numHeads != 0) {
            p.add("hidden_size: " + hiddenSize + " is not divisible by num_heads " + numHeads);
        }
        if (patchSize > 0 && imageSize % patchSize != 0) {
            p.add("image_size: " + imageSize + " is not divisible by patch_size " + patchSize);
        }
        if (!(layerNormEps > 0)) {
            p.add("layer_norm_eps: must be > 0, got " + layerNormEps);
        }
        return p;
    }

    private static void positive(List<String> p, String field, int v) {
        if (v <= 0) {
            p.add(field + ": must be > 0, got " + v);
        }
    }
}
