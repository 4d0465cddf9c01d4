package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.TextTokenizer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Qwen2.5-VL {@code tokenizer.json} through DJL's binding of Hugging Face's tokenizers library (byte-level BPE;
 * special tokens such as {@code <|im_start|>} written in the text become their ids), plus the chat format and the
 * expansion of each {@code <|image_pad|>} to as many pads as its image has tokens.
 */
public final class QwenTokenizer implements TextTokenizer, AutoCloseable {
    public static final String IMAGE_PLACEHOLDER = "<|vision_start|><|image_pad|><|vision_end|>";
    /** The system message Qwen2.5-VL's chat template adds when the conversation has none. */
    public static final String DEFAULT_SYSTEM = "You are a helpful assistant.";

    private final HuggingFaceTokenizer hf;
    private final QwenVlConfig config;
    private final Path file;
    private final int endOfText;

    private QwenTokenizer(HuggingFaceTokenizer hf, QwenVlConfig config, Path file) {
        this.hf = hf;
        this.config = config;
        this.file = file;
        long[] eot = hf.encode("<|endoftext|>", false, false).getIds();
        this.endOfText = eot.length == 1 ? (int) eot[0] : config.eosTokenId();
    }

    public static QwenTokenizer load(Path file, QwenVlConfig config) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing: a Hugging Face model folder needs its tokenizer.json");
        }
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.builder().optTokenizerPath(file).optAddSpecialTokens(false)
                    .optTruncation(false).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(file, "cannot read the tokenizer: " + e.getMessage(), e);
        }
        QwenTokenizer t = new QwenTokenizer(hf, config, file);
        int pad = t.single("<|image_pad|>");
        if (pad != config.imageTokenId()) {
            hf.close();
            throw new ModelLoadException(file, "'<|image_pad|>' is token " + pad + " but config.json's image_token_id is "
                    + config.imageTokenId());
        }
        return t;
    }

    private int single(String special) {
        long[] ids = hf.encode(special, false, false).getIds();
        return ids.length == 1 ? (int) ids[0] : -1;
    }

    public Path file() {
        return file;
    }

    @Override
    public int[] encode(String text) {
        long[] ids = hf.encode(text, false, false).getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    /** The chat template with one user turn: the images first, then the text, then the assistant's turn opens. */
    public static String chat(String userText, int images) {
        return "<|im_start|>system\n" + DEFAULT_SYSTEM + "<|im_end|>\n<|im_start|>user\n"
                + IMAGE_PLACEHOLDER.repeat(images) + userText + "<|im_end|>\n<|im_start|>assistant\n";
    }

    /**
     * Tokens of a prompt written out in full (special tokens kept): the i-th {@code <|image_pad|>} becomes
     * {@code imageTokens[i]} pads. Fails when the text has a different number of image pads than images.
     */
    public int[] encodeWithImages(String text, int[] imageTokens) {
        int[] ids = encode(text);
        List<Integer> out = new ArrayList<>(ids.length + 64);
        int image = 0;
        for (int id : ids) {
            if (id == config.imageTokenId()) {
                if (image >= imageTokens.length) {
                    throw new IllegalArgumentException("the prompt has more <|image_pad|> tokens than images ("
                            + imageTokens.length + ")");
                }
                for (int k = 0; k < imageTokens[image]; k++) {
                    out.add(id);
                }
                image++;
            } else {
                out.add(id);
            }
        }
        if (image != imageTokens.length) {
            throw new IllegalArgumentException("the prompt has " + image + " <|image_pad|> tokens for "
                    + imageTokens.length + " images");
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String decode(int[] ids) {
        long[] l = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            l[i] = ids[i];
        }
        return hf.decode(l, true);
    }

    @Override
    public int vocabSize() {
        return config.vocabSize();
    }

    /** Qwen has no beginning-of-sequence token; {@code <|endoftext|>} stands in where one is asked for. */
    @Override
    public int bosId() {
        return endOfText;
    }

    /** {@code <|im_end|>}: the end of the assistant's turn, appended to completions and where sampling stops. */
    @Override
    public int eosId() {
        return config.eosTokenId();
    }

    @Override
    public int padId() {
        return endOfText;
    }

    /** {@code <|endoftext|>}: sampling stops there too. */
    public int endOfTextId() {
        return endOfText;
    }

    @Override
    public String tokenText(int id) {
        return hf.decode(new long[] {id}, false);
    }

    @Override
    public void close() {
        hf.close();
    }
}
