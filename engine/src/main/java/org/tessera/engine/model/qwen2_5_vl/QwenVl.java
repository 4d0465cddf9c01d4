package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.io.TesseraJson;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.model.AnswerConvention;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Devices;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.HfWeightWriter;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Qwen2.5-VL ({@code Qwen2_5_VLForConditionalGeneration}) loaded from a local Hugging Face folder, computed in
 * float32 with DJL ops: see {@link QwenVisionTower} and {@link QwenDecoder}. Prompts are put into the model's chat
 * template; {@link #encodeRaw} takes a prompt written out in full instead.
 */
public final class QwenVl implements TrainableModel {
    private static final ObjectMapper JSON = TesseraJson.INDENTED;
    /** Rows of one teacher-forced forward pass in {@link #score}. */
    private static final int MAX_ROWS = 16;

    private final QwenVlConfig config;
    private final QwenTokenizer tokenizer;
    private final QwenImageProcessor images;
    private final QwenVlWeights weights;
    private final QwenNetwork network;
    private final Path directory;
    private final String diskDtype;
    private final boolean frozen;

    private QwenVl(QwenVlConfig config, QwenTokenizer tokenizer, QwenImageProcessor images, QwenVlWeights weights,
                   Path directory, String diskDtype, boolean frozen) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.images = images;
        this.weights = weights;
        this.network = new QwenNetwork(config, weights);
        this.directory = directory;
        this.diskDtype = diskDtype;
        this.frozen = frozen;
    }

    public static QwenVl load(Path dir, boolean frozen) {
        QwenVlConfig cfg = QwenVlConfig.read(dir.resolve("config.json"));
        QwenImageProcessor proc = QwenImageProcessor.load(dir.resolve("preprocessor_config.json"), cfg);
        QwenTokenizer tok = QwenTokenizer.load(dir.resolve("tokenizer.json"), cfg);
        NDManager m = NDManager.newBaseManager(Devices.select());
        try {
            String dtype;
            try (var files = org.tessera.engine.model.HfWeightFiles.open(dir, QwenVlLayout::canonical)) {
                dtype = files.dtypes();
            }
            QwenVlWeights w = QwenVlWeights.load(m, cfg, dir, !frozen);
            return new QwenVl(cfg, tok, proc, w, dir, dtype, frozen);
        } catch (RuntimeException e) {
            m.close();
            tok.close();
            throw e;
        }
    }

    public QwenVlConfig config() {
        return config;
    }

    /**
     * A base model with fresh LoRA adapters: the base weights are frozen and only the adapters train
     * ({@link #parameters()}); {@link #save} then writes an adapter folder that names {@code dir}.
     */
    public static QwenVl loadWithLora(Path dir, QwenLora.Settings settings, long seed) {
        QwenVl base = load(dir, true);
        base.weights.lora(QwenLora.create(base.weights.manager(), base.config, settings, seed, true));
        return new QwenVl(base.config, base.tokenizer, base.images, base.weights, dir, base.diskDtype, false);
    }

    /** An adapter folder ({@code adapter_config.json}, {@code adapter_model.safetensors}) on the base it names. */
    public static QwenVl loadAdapter(Path adapterDir, boolean frozen) {
        QwenLora.Stored stored = QwenLora.readConfig(adapterDir);
        QwenVl base = load(stored.base(), true);
        try {
            base.weights.lora(QwenLora.load(base.weights.manager(), base.config, adapterDir, stored.settings(), !frozen));
        } catch (RuntimeException e) {
            base.close();
            throw e;
        }
        return new QwenVl(base.config, base.tokenizer, base.images, base.weights, stored.base(), base.diskDtype, frozen);
    }

    /** The LoRA settings, or null when the model has no adapters. */
    public QwenLora.Settings loraSettings() {
        return weights.lora() == null ? null : weights.lora().settings();
    }

    /** Folds the adapters into the base weights (W += alpha / r B A); the model then has no adapters. */
    public void mergeLora() {
        if (weights.lora() == null) {
            throw new IllegalStateException("the model has no LoRA adapters to merge");
        }
        try (NoGrad ignored = NoGrad.enter()) {
            weights.lora().mergeInto(weights);
        }
        weights.lora(null);
    }

    public QwenTokenizer qwenTokenizer() {
        return tokenizer;
    }

    /** Chooses how positions are assigned around images (see {@link RopeIndex}); the default is MULTIMODAL. */
    public void ropeIndex(RopeIndex mode) {
        network.ropeIndex(mode);
    }

    /**
     * Plain-text answers; boxes in absolute pixels of the picture as the model sees it, after {@code smart_resize}
     * (the Qwen2.5-VL model card and technical report: grounding "uses absolute coordinates" of the resized input,
     * unlike Qwen2-VL's 0..1000), e.g. {@code {"bbox_2d": [x1, y1, x2, y2]}}.
     */
    @Override
    public AnswerConvention answerConvention() {
        return new AnswerConvention(false, "absolute pixels of the smart_resize'd input (Qwen2.5-VL)", d -> {
            int[] hw = images.smartResize(d.height, d.width);
            return new java.awt.Dimension(hw[1], hw[0]);
        });
    }

    /** The context length; image tokens take positions too, so a long prompt with a large picture may still not fit. */
    @Override
    public int maxTextTokens() {
        return config.maxPositions();
    }

    public QwenImageProcessor imageProcessor() {
        return images;
    }

    // ---- encoding ----

    /** A prompt written out in full (special tokens kept); each {@code <|image_pad|>} stands for one image. */
    public QwenSequence encodeRaw(String text, List<BufferedImage> imgs) {
        List<QwenImageProcessor.Processed> processed = imgs.stream().map(images::process).toList();
        int[] counts = processed.stream().mapToInt(images::tokens).toArray();
        return new QwenSequence(tokenizer.encodeWithImages(text, counts), processed, null);
    }

    /** The user's message in the chat template, images first. */
    public QwenSequence encode(Prompt p) {
        return encodeRaw(QwenTokenizer.chat(p.text(), p.images().size()), p.images());
    }

    private List<QwenSequence> encodeAll(List<Prompt> prompts, List<int[]> completions, boolean[] appendEos) {
        List<QwenSequence> out = new ArrayList<>(prompts.size());
        for (int i = 0; i < prompts.size(); i++) {
            int[] c = completions.get(i);
            if (appendEos[i]) {
                c = Arrays.copyOf(c, c.length + 1);
                c[c.length - 1] = tokenizer.eosId();
            }
            out.add(encode(prompts.get(i)).withCompletion(c));
        }
        return out;
    }

    // ---- computations for tests and tools ----

    /** Logits (rows, columns, vocab) of a teacher-forced pass over whole sequences (left-padded). */
    public float[] logits(List<QwenSequence> seqs) {
        try (NoGrad ignored = NoGrad.enter(); NDManager m = weights.manager().newSubManager()) {
            QwenNetwork.Forward f = network.forward(m, seqs, null);
            return network.decoder().logits(f.hidden()).toFloatArray();
        }
    }

    /** The vision tower's output for the sequences' images, (tokens, hidden) flattened. */
    public float[] imageEmbeddings(List<QwenSequence> seqs) {
        try (NoGrad ignored = NoGrad.enter(); NDManager m = weights.manager().newSubManager()) {
            return network.imageEmbeddings(m, seqs).toFloatArray();
        }
    }

    /**
     * Log p of each completion token (rows, longest completion) with its mask: only the hidden states that predict a
     * completion token go through the LM head, so a 150k vocabulary costs (rows x completion) logits, not
     * (rows x sequence).
     */
    public TokenLogProbs sequenceLogProbs(NDManager m, List<QwenSequence> seqs, boolean withEntropy,
                                          boolean fullDistribution) {
        QwenNetwork.Forward f = network.forward(m, seqs, null);
        int rows = seqs.size();
        int cmax = Math.max(1, seqs.stream().mapToInt(s -> s.completion().length).max().orElse(0));
        long[] index = new long[rows * cmax];
        long[] targets = new long[rows * cmax];
        float[] mask = new float[rows * cmax];
        for (int r = 0; r < rows; r++) {
            QwenSequence s = seqs.get(r);
            int start = f.padding()[r] + s.prompt().length - 1; // the column whose output predicts completion[0]
            for (int j = 0; j < cmax; j++) {
                int k = r * cmax + j;
                if (j < s.completion().length) {
                    index[k] = (long) r * f.columns() + start + j;
                    targets[k] = s.completion()[j];
                    mask[k] = 1f;
                } else {
                    index[k] = (long) r * f.columns() + start; // any valid column; masked out
                }
            }
        }
        NDArray hidden = f.hidden().reshape((long) rows * f.columns(), config.hiddenSize())
                .get(new NDIndex("{}", m.create(index)));
        NDArray logp = network.decoder().logits(hidden).logSoftmax(-1);
        NDArray maskArray = m.create(mask, new Shape(rows, cmax));
        if (fullDistribution) {
            return new TokenLogProbs(logp.reshape(rows, cmax, config.vocabSize()), maskArray, null);
        }
        NDArray picked = logp.gather(m.create(targets, new Shape(rows * cmax, 1)), -1).reshape(rows, cmax);
        NDArray entropy = withEntropy
                ? logp.exp().mul(logp).sum(new int[] {-1}).neg().reshape(rows, cmax) : null;
        return new TokenLogProbs(picked, maskArray, entropy);
    }

    // ---- VisionLanguageModel ----

    @Override
    public ModelCard card() {
        Map<String, Long> files = ModelCard.fileSizes(directory);
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("vision_parameters", weights.visionParameterCount());
        cfg.put("text_parameters", weights.parameterCount() - weights.visionParameterCount());
        cfg.put("dtype_on_disk", diskDtype);
        cfg.put("context_length", config.maxPositions());
        cfg.put("hidden_size", config.hiddenSize());
        cfg.put("num_hidden_layers", config.numLayers());
        cfg.put("num_attention_heads", config.numHeads());
        cfg.put("num_key_value_heads", config.numKvHeads());
        cfg.put("vision_depth", config.visionDepth());
        cfg.put("vision_hidden_size", config.visionHidden());
        cfg.put("tie_word_embeddings", config.tieWordEmbeddings());
        if (weights.lora() != null) {
            QwenLora.Settings ls = weights.lora().settings();
            cfg.put("lora", Map.of("rank", ls.rank(), "alpha", ls.alpha(), "dropout", ls.dropout(),
                    "target_modules", ls.targets(), "parameters", weights.lora().parameterCount()));
        }
        String name = directory == null ? "qwen2_5_vl" : directory.getFileName().toString();
        return new ModelCard(name, QwenVlConfig.ARCHITECTURE, weights.parameterCount(), config.vocabSize(),
                weights.manager().getDevice().toString(), directory == null ? null : directory.toString(), files, cfg);
    }

    @Override
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options) {
        return generateSequences(prompts.stream().map(this::encode).toList(), options);
    }

    /** Generation from encoded prompts (e.g. {@link #encodeRaw}); result i holds prompt i's samples. */
    public List<List<Generation>> generateSequences(List<QwenSequence> prompts, GenerationOptions options) {
        try (NoGrad ignored = NoGrad.enter()) {
            return new QwenGenerator(config, tokenizer, network, weights.manager()).generate(prompts, options);
        }
    }

    @Override
    public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
        List<CompletionScore> out = new ArrayList<>(prompts.size());
        for (int start = 0; start < prompts.size(); start += MAX_ROWS) {
            int end = Math.min(prompts.size(), start + MAX_ROWS);
            List<int[]> ids = completions.subList(start, end).stream().map(tokenizer::encode).toList();
            try (NoGrad ignored = NoGrad.enter(); NDManager m = weights.manager().newSubManager()) {
                TokenLogProbs lp = completionLogProbs(m, prompts.subList(start, end), ids, false);
                float[] v = lp.logProbs().toFloatArray();
                int cols = (int) lp.logProbs().getShape().get(1);
                for (int i = 0; i < end - start; i++) {
                    double[] t = new double[ids.get(i).length + 1];
                    for (int j = 0; j < t.length; j++) {
                        t[j] = v[i * cols + j];
                    }
                    out.add(new CompletionScore(t));
                }
            }
        }
        return out;
    }

    @Override
    public void save(Path dir) {
        if (weights.lora() != null) {
            if (directory == null) {
                throw new IllegalStateException("an adapter folder must name its base folder, and this model has none");
            }
            try {
                weights.lora().save(dir, directory);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot save adapters to " + dir + ": " + e.getMessage(), e);
            }
            return;
        }
        try {
            Files.createDirectories(dir);
            ObjectNode raw = config.raw().deepCopy();
            raw.put("torch_dtype", "float32");
            AtomicFiles.write(dir.resolve("config.json"), JSON.writeValueAsBytes(raw));
            copyIfPresent(tokenizer.file(), dir.resolve("tokenizer.json"));
            if (directory != null) {
                for (String f : List.of("preprocessor_config.json", "tokenizer_config.json", "generation_config.json",
                        "chat_template.json")) {
                    copyIfPresent(directory.resolve(f), dir.resolve(f));
                }
            }
            Map<String, NDArray> named = weights.named();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            named.forEach((k, v) -> shapes.put(k, v.getShape().getShape()));
            HfWeightWriter.write(dir, shapes, k -> named.get(k).toFloatArray(), "F32", 4L << 30);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void copyIfPresent(Path from, Path to) throws IOException {
        if (Files.isRegularFile(from) && !from.toAbsolutePath().equals(to.toAbsolutePath())) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public QwenVl frozenCopy() {
        return copy(true);
    }

    /** A trainable copy with its own weights. */
    public QwenVl trainableCopy() {
        return copy(false);
    }

    private QwenVl copy(boolean frozenCopy) {
        NDManager m = NDManager.newBaseManager(weights.manager().getDevice());
        QwenVlWeights w = QwenVlWeights.fromHost(m, config, weights.toHost(), !frozenCopy && weights.lora() == null);
        QwenTokenizer tok = QwenTokenizer.load(tokenizer.file(), config);
        if (weights.lora() != null) {
            // a frozen copy keeps the base frozen and copies the adapters; a trainable one trains the adapters
            QwenLora copy = QwenLora.create(m, config, weights.lora().settings(), 0, !frozenCopy);
            copy.assign(weights.lora().toHost());
            w.lora(copy);
        }
        return new QwenVl(config, tok, images, w, directory, diskDtype, frozenCopy);
    }

    // ---- TrainableModel ----

    @Override
    public Map<String, NDArray> parameters() {
        if (frozen) {
            throw new IllegalStateException("a frozen model has no trainable parameters");
        }
        return weights.lora() != null ? weights.lora().parameters() : weights.named();
    }

    @Override
    public int[] encodeCompletion(String completion) {
        return tokenizer.encode(completion);
    }

    @Override
    public TokenLogProbs completionLogProbs(NDManager manager, List<Prompt> prompts, List<int[]> completions,
                                            boolean withEntropy) {
        boolean[] eos = new boolean[prompts.size()];
        Arrays.fill(eos, true);
        return completionLogProbs(manager, prompts, completions, eos, withEntropy);
    }

    @Override
    public TokenLogProbs completionLogProbs(NDManager manager, List<Prompt> prompts, List<int[]> completions,
                                            boolean[] appendEos, boolean withEntropy) {
        return sequenceLogProbs(manager, encodeAll(prompts, completions, appendEos), withEntropy, false);
    }

    @Override
    public TokenLogProbs completionDistributions(NDManager manager, List<Prompt> prompts, List<int[]> completions) {
        boolean[] eos = new boolean[prompts.size()];
        Arrays.fill(eos, true);
        return sequenceLogProbs(manager, encodeAll(prompts, completions, eos), false, true);
    }

    @Override
    public Map<String, HostTensor> weightsSnapshot() {
        return weights.lora() != null ? weights.lora().toHost() : weights.toHost();
    }

    /** Overwrites the weights (with adapters: the adapters, by their PEFT names). */
    @Override
    public void loadWeights(Map<String, HostTensor> host) {
        if (weights.lora() != null) {
            weights.lora().assign(host);
        } else {
            weights.assign(host);
        }
    }

    public NDManager manager() {
        return weights.manager();
    }

    @Override
    public void close() {
        weights.close();
        tokenizer.close();
    }
}
