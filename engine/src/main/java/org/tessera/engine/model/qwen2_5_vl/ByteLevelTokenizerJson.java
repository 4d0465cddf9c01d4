package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * A {@code tokenizer.json} in Hugging Face's format for a random-weight model: byte-level BPE with the 256 byte
 * tokens and no merges (every byte is one token), plus the Qwen special tokens at the ids the config names. It has
 * the structure of a real Qwen tokenizer (which adds 151k merged tokens), so the same code path reads both. Ids
 * between the byte tokens and the special tokens are unused (a random model may still sample them; they decode to
 * nothing).
 */
final class ByteLevelTokenizerJson {
    private ByteLevelTokenizerJson() {
    }

    /** GPT-2's byte -> printable character table that byte-level BPE vocabularies are written in. */
    static char[] byteChars() {
        char[] out = new char[256];
        boolean[] direct = new boolean[256];
        for (int b = '!'; b <= '~'; b++) {
            direct[b] = true;
        }
        for (int b = 0xA1; b <= 0xAC; b++) {
            direct[b] = true;
        }
        for (int b = 0xAE; b <= 0xFF; b++) {
            direct[b] = true;
        }
        int extra = 0;
        for (int b = 0; b < 256; b++) {
            out[b] = direct[b] ? (char) b : (char) (256 + extra++);
        }
        return out;
    }

    static byte[] build(Map<String, Integer> specials) throws com.fasterxml.jackson.core.JsonProcessingException {
        ObjectMapper json = TesseraJson.MAPPER;
        ObjectNode root = json.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        specials.forEach((text, id) -> {
            ObjectNode t = added.addObject();
            t.put("id", id);
            t.put("content", text);
            t.put("single_word", false);
            t.put("lstrip", false);
            t.put("rstrip", false);
            t.put("normalized", false);
            t.put("special", true);
        });
        root.putNull("normalizer");
        ObjectNode pre = root.putObject("pre_tokenizer");
        pre.put("type", "ByteLevel");
        pre.put("add_prefix_space", false);
        pre.put("trim_offsets", true);
        pre.put("use_regex", true);
        root.putNull("post_processor");
        ObjectNode dec = root.putObject("decoder");
        dec.put("type", "ByteLevel");
        dec.put("add_prefix_space", false);
        dec.put("trim_offsets", true);
        dec.put("use_regex", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "BPE");
        model.putNull("dropout");
        model.putNull("unk_token");
        model.putNull("continuing_subword_prefix");
        model.putNull("end_of_word_suffix");
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        ObjectNode vocab = model.putObject("vocab");
        char[] chars = byteChars();
        for (int b = 0; b < 256; b++) {
            vocab.put(String.valueOf(chars[b]), b);
        }
        // the special tokens are in the vocabulary too: an added token not found there would get the next free id
        // (257, ...) instead of Qwen's (151643, ...)
        specials.forEach(vocab::put);
        model.putArray("merges");
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    }
}
