package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tessera.engine.model.ModelLoadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every size of a Qwen2.5-VL model, read from its {@code config.json}. Two layouts exist: the hub's flat one (text
 * fields at the top level, {@code rope_scaling.mrope_section}) and transformers 5's, with the text fields in
 * {@code text_config} and {@code rope_parameters}; both are read, a missing field is named with its file.
 */
public record QwenVlConfig(
        // text decoder
        int vocabSize, int hiddenSize, int intermediateSize, int numLayers, int numHeads, int numKvHeads,
        double rmsNormEps, double ropeTheta, int[] mropeSection, int maxPositions, boolean tieWordEmbeddings,
        int eosTokenId, int imageTokenId, int visionStartTokenId, int visionEndTokenId,
        // vision tower
        int visionDepth, int visionHidden, int visionIntermediate, int visionHeads, int inChannels,
        int outHidden, int patchSize, int mergeSize, int temporalPatchSize, int windowSize,
        int[] fullAttentionBlocks, String torchDtype,
        /* the file as read, written back on save so that nothing the loader ignores is lost */
        ObjectNode raw) {

    public static final String ARCHITECTURE = "Qwen2_5_VLForConditionalGeneration";
    static final ObjectMapper JSON = TesseraJson.MAPPER;

    public int headDim() {
        return hiddenSize / numHeads;
    }

    public int visionHeadDim() {
        return visionHidden / visionHeads;
    }

    /** Values per flattened patch: channels x temporal x patch x patch (1176 for 3 x 2 x 14 x 14). */
    public int patchDim() {
        return inChannels * temporalPatchSize * patchSize * patchSize;
    }

    /** Patches merged into one language-model token (4 for a 2 x 2 merge). */
    public int mergeUnit() {
        return mergeSize * mergeSize;
    }

    public static QwenVlConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing: a Hugging Face model folder needs its config.json");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelLoadException(file, "not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelLoadException(file, "not a JSON object");
        }
        return parse(file, (ObjectNode) root);
    }

    static QwenVlConfig parse(Path file, ObjectNode root) {
        Fields top = new Fields(file, root, "");
        JsonNode textNode = root.get("text_config");
        // transformers 5 nests the decoder's fields; the hub's files keep them at the top level
        Fields text = textNode != null && textNode.isObject() && textNode.has("hidden_size")
                ? new Fields(file, textNode, "text_config.") : top;
        Fields vision = new Fields(file, top.object("vision_config"), "vision_config.");
        JsonNode rope = text.node.has("rope_parameters") ? text.node.get("rope_parameters")
                : text.node.has("rope_scaling") ? text.node.get("rope_scaling") : root.get("rope_scaling");
        String ropeField = text.prefix + (text.node.has("rope_parameters") ? "rope_parameters" : "rope_scaling");
        if (rope == null || !rope.isObject() || !rope.has("mrope_section")) {
            throw new ModelLoadException(file, "field '" + ropeField + ".mrope_section' is missing (Qwen2.5-VL "
                    + "needs M-RoPE sections)");
        }
        int[] mrope = new Fields(file, rope, ropeField + ".").intArray("mrope_section");
        double theta = text.node.has("rope_theta") ? text.dbl("rope_theta")
                : new Fields(file, rope, ropeField + ".").dbl("rope_theta");
        boolean tie = text.node.has("tie_word_embeddings") ? text.node.get("tie_word_embeddings").asBoolean()
                : root.path("tie_word_embeddings").asBoolean(false);
        int hidden = text.integer("hidden_size");
        int heads = text.integer("num_attention_heads");
        int kvHeads = text.node.has("num_key_value_heads") ? text.integer("num_key_value_heads") : heads;
        int vHidden = vision.integer("hidden_size");
        int patch = vision.node.has("patch_size") ? vision.integer("patch_size") : vision.integer("spatial_patch_size");
        QwenVlConfig c = new QwenVlConfig(
                text.integer("vocab_size"), hidden, text.integer("intermediate_size"),
                text.integer("num_hidden_layers"), heads, kvHeads, text.dbl("rms_norm_eps"), theta, mrope,
                text.node.has("max_position_embeddings") ? text.integer("max_position_embeddings") : 32768, tie,
                eos(file, root, text), top.integer("image_token_id"), top.integer("vision_start_token_id"),
                top.integer("vision_end_token_id"),
                vision.integer("depth"), vHidden, vision.integer("intermediate_size"), vision.integer("num_heads"),
                vision.node.has("in_chans") ? vision.integer("in_chans") : vision.node.has("in_channels")
                        ? vision.integer("in_channels") : 3,
                vision.integer("out_hidden_size"), patch, vision.integer("spatial_merge_size"),
                vision.integer("temporal_patch_size"), vision.integer("window_size"),
                vision.intArray("fullatt_block_indexes"),
                root.path("torch_dtype").asText(text.node.path("torch_dtype").asText(root.path("dtype").asText("float32"))),
                root);
        c.check(file);
        return c;
    }

    private static int eos(Path file, JsonNode root, Fields text) {
        JsonNode e = text.node.has("eos_token_id") ? text.node.get("eos_token_id") : root.get("eos_token_id");
        if (e == null) {
            throw new ModelLoadException(file, "field 'eos_token_id' is missing");
        }
        return e.isArray() ? e.get(0).asInt() : e.asInt();
    }

    private void check(Path file) {
        if (hiddenSize % numHeads != 0) {
            throw new ModelLoadException(file, "hidden_size " + hiddenSize + " is not a multiple of num_attention_heads "
                    + numHeads);
        }
        if (numHeads % numKvHeads != 0) {
            throw new ModelLoadException(file, "num_attention_heads " + numHeads
                    + " is not a multiple of num_key_value_heads " + numKvHeads);
        }
        int sum = 0;
        for (int s : mropeSection) {
            sum += s;
        }
        if (mropeSection.length != 3 || sum * 2 != headDim()) {
            throw new ModelLoadException(file, "mrope_section " + java.util.Arrays.toString(mropeSection)
                    + " must have 3 parts summing to head_dim / 2 = " + headDim() / 2);
        }
        if (visionHidden % visionHeads != 0 || visionHeadDim() % 4 != 0) {
            throw new ModelLoadException(file, "vision_config.hidden_size " + visionHidden + " / num_heads "
                    + visionHeads + " must give a head size divisible by 4 (2-D rotary embedding)");
        }
        int unit = patchSize * mergeSize;
        if (windowSize % unit != 0) {
            throw new ModelLoadException(file, "vision_config.window_size " + windowSize
                    + " is not a multiple of patch_size x spatial_merge_size = " + unit);
        }
    }

    /** Reads typed fields of one JSON object, naming the file and the field's path when one is wrong. */
    private record Fields(Path file, JsonNode node, String prefix) {
        JsonNode require(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                throw new ModelLoadException(file, "field '" + prefix + name + "' is missing");
            }
            return v;
        }

        JsonNode object(String name) {
            JsonNode v = require(name);
            if (!v.isObject()) {
                throw new ModelLoadException(file, "field '" + prefix + name + "' must be an object");
            }
            return v;
        }

        int integer(String name) {
            JsonNode v = require(name);
            if (!v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0) {
                throw new ModelLoadException(file, "field '" + prefix + name + "' must be a non-negative integer, got " + v);
            }
            return v.asInt();
        }

        double dbl(String name) {
            JsonNode v = require(name);
            if (!v.isNumber()) {
                throw new ModelLoadException(file, "field '" + prefix + name + "' must be a number, got " + v);
            }
            return v.asDouble();
        }

        int[] intArray(String name) {
            JsonNode v = require(name);
            if (!v.isArray()) {
                throw new ModelLoadException(file, "field '" + prefix + name + "' must be a list of integers");
            }
            int[] out = new int[v.size()];
            for (int i = 0; i < out.length; i++) {
                if (!v.get(i).isIntegralNumber()) {
                    throw new ModelLoadException(file, "field '" + prefix + name + "' must be a list of integers");
                }
                out[i] = v.get(i).asInt();
            }
            return out;
        }
    }
}
