package org.tessera.engine.model.tiny;

import org.tessera.engine.io.TesseraJson;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.config.JsonErrors;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.model.AnswerConvention;
import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Devices;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.Safetensors;
import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The built-in tiny vision-language model (see {@link TinyVlmNetwork} for the architecture). */
public final class TinyVlm implements TrainableModel {
    static final ObjectMapper JSON = TesseraJson.INDENTED;
    private static final int MAX_ROWS = 64;
    /** Sampling batches more rows: a decoding step is a skinny matrix product, cheaper per row when taller. */
    private static final int MAX_SAMPLING_ROWS = 256;

    private final TinyVlmConfig config;
    private final TinyTokenizer tokenizer;
    private final TinyVlmWeights weights;
    private final TinyVlmNetwork network;
    private final BatchEncoder encoder;
    private final Path directory;
    private final boolean frozen;

    private TinyVlm(TinyVlmConfig config, TinyTokenizer tokenizer, TinyVlmWeights weights, Path directory,
                    boolean frozen) {
        this.config = config;
        this.tokenizer = tokenizer;
        this.weights = weights;
        this.network = new TinyVlmNetwork(config, weights);
        this.encoder = new BatchEncoder(config, tokenizer);
        this.directory = directory;
        this.frozen = frozen;
    }

    /** A freshly initialised model (deterministic for the seed). */
    public static TinyVlm create(TinyVlmConfig config, TinyTokenizer tokenizer, long seed) {
        if (config.vocabSize() != tokenizer.vocabSize()) {
            throw new IllegalArgumentException("config vocab_size " + config.vocabSize() + " != tokenizer size "
                    + tokenizer.vocabSize());
        }
        List<String> problems = config.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("bad model config: " + String.join("; ", problems));
        }
        NDManager m = NDManager.newBaseManager(Devices.select());
        TinyVlmWeights w = TinyVlmWeights.fromHost(m, config, TinyVlmWeights.randomInit(config, seed),
                Path.of("<random init>"), true);
        return new TinyVlm(config, tokenizer, w, null, false);
    }

    public static TinyVlm load(Path dir, boolean frozen) {
        Path cfgFile = dir.resolve("config.json");
        TinyVlmConfig cfg = readConfig(cfgFile);
        TinyTokenizer tok = TinyTokenizer.load(dir.resolve("tokenizer.json"));
        if (tok.vocabSize() != cfg.vocabSize()) {
            throw new ModelLoadException(cfgFile, "vocab_size is " + cfg.vocabSize() + " but tokenizer.json has "
                    + tok.vocabSize() + " tokens");
        }
        Path weightsFile = dir.resolve("model.safetensors");
        Map<String, HostTensor> host = Safetensors.read(weightsFile);
        NDManager m = NDManager.newBaseManager(Devices.select());
        try {
            TinyVlmWeights w = TinyVlmWeights.fromHost(m, cfg, host, weightsFile, !frozen);
            return new TinyVlm(cfg, tok, w, dir, frozen);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    static TinyVlmConfig readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing: a checkpoint folder needs its config.json");
        }
        TinyVlmConfig cfg;
        try {
            cfg = JSON.readValue(file.toFile(), TinyVlmConfig.class);
        } catch (JsonProcessingException e) {
            throw new ModelLoadException(file, e.getOriginalMessage() + JsonErrors.suffix(e), e);
        } catch (IOException e) {
            throw new ModelLoadException(file, "cannot read: " + e.getMessage(), e);
        }
        List<String> problems = cfg.problems();
        if (!problems.isEmpty()) {
            throw new ModelLoadException(file, String.join("; ", problems));
        }
        return cfg;
    }

    public TinyVlmConfig config() {
        return config;
    }

    public TinyTokenizer tinyTokenizer() {
        return tokenizer;
    }

    @Override
    public ModelCard card() {
        Map<String, Long> files = ModelCard.fileSizes(directory);
        @SuppressWarnings("unchecked")
        Map<String, Object> cfg = JSON.convertValue(config, Map.class);
        return new ModelCard(config.name(), config.architecture(), weights.parameterCount(), tokenizer.vocabSize(),
                weights.manager().getDevice().toString(), directory == null ? null : directory.toString(), files, cfg);
    }

    /**
     * The built-in model answers in {@code <answer>} tags (its pretraining format) and sees every picture at
     * {@code image_size} x {@code image_size}, so a box is in pixels of that square.
     */
    @Override
    public AnswerConvention answerConvention() {
        int s = config.imageSize();
        return new AnswerConvention(true, "absolute pixels of the " + s + "x" + s + " input picture",
                d -> new java.awt.Dimension(s, s));
    }

    @Override
    public int maxTextTokens() {
        return config.maxTextPositions();
    }

    @Override
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options) {
        return generate(prompts, options, null);
    }

    /** As {@link #generate(List, GenerationOptions)}, handing each step's logits (rows x vocab) to an observer. */
    public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions options,
                                           Consumer<float[]> stepLogits) {
        try (NoGrad ignored = NoGrad.enter()) {
            return new TinyGenerator(config, tokenizer, network, encoder, weights.manager(), MAX_SAMPLING_ROWS)
                    .generate(prompts, options, stepLogits);
        }
    }

    @Override
    public List<double[]> scoreContinuations(List<Prompt> prompts, List<String> prefixes,
                                             List<List<String>> continuations) {
        try (NoGrad ignored = NoGrad.enter()) {
            return new TinyContinuationScorer(config, tokenizer, network, encoder, weights.manager(), MAX_SAMPLING_ROWS)
                    .score(prompts, prefixes, continuations);
        }
    }

    @Override
    public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
        List<CompletionScore> out = new ArrayList<>(prompts.size());
        for (int start = 0; start < prompts.size(); start += MAX_ROWS) {
            int end = Math.min(prompts.size(), start + MAX_ROWS);
            List<int[]> ids = new ArrayList<>();
            for (String c : completions.subList(start, end)) {
                ids.add(tokenizer.encode(c));
            }
            try (NoGrad ignored = NoGrad.enter(); NDManager m = weights.manager().newSubManager()) {
                TokenLogProbs lp = completionLogProbs(m, prompts.subList(start, end), ids, false);
                float[] v = lp.logProbs().toFloatArray();
                float[] mask = lp.mask().toFloatArray();
                int cols = (int) lp.logProbs().getShape().get(1);
                for (int i = 0; i < end - start; i++) {
                    double[] tokens = new double[ids.get(i).length + 1];
                    int k = 0;
                    for (int j = 0; j < cols; j++) {
                        if (mask[i * cols + j] > 0) {
                            tokens[k++] = v[i * cols + j];
                        }
                    }
                    out.add(new CompletionScore(tokens));
                }
            }
        }
        return out;
    }

    @Override
    public TokenLogProbs completionLogProbs(NDManager m, List<Prompt> prompts, List<int[]> completions,
                                            boolean withEntropy) {
        boolean[] eos = new boolean[prompts.size()];
        java.util.Arrays.fill(eos, true);
        return completionLogProbs(m, prompts, completions, eos, withEntropy);
    }

    @Override
    public TokenLogProbs completionLogProbs(NDManager m, List<Prompt> prompts, List<int[]> completions,
                                            boolean[] appendEos, boolean withEntropy) {
        EncodedBatch b = encoder.encodeCompletions(prompts, completions, appendEos);
        NDArray logits = network.forwardLogits(m, b, null);
        NDArray logp = logits.logSoftmax(-1);
        NDArray targets = m.create(b.targets(), new Shape(b.batch(), b.textLength(), 1));
        NDArray picked = logp.gather(targets, -1).squeeze(-1);
        NDArray mask = m.create(b.targetMask(), new Shape(b.batch(), b.textLength()));
        NDArray entropy = withEntropy ? logp.exp().mul(logp).sum(new int[] {-1}).neg() : null;
        return new TokenLogProbs(picked, mask, entropy);
    }

    @Override
    public TokenLogProbs completionDistributions(NDManager m, List<Prompt> prompts, List<int[]> completions) {
        EncodedBatch b = encoder.encodeCompletions(prompts, completions, true);
        NDArray logp = network.forwardLogits(m, b, null).logSoftmax(-1);
        NDArray mask = m.create(b.targetMask(), new Shape(b.batch(), b.textLength()));
        return new TokenLogProbs(logp, mask, null);
    }

    /** Logits (batch, text columns, vocab) of a full teacher-forced forward pass, for tests and analysis. */
    public float[] fullLogits(List<Prompt> prompts, List<int[]> completions) {
        try (NoGrad ignored = NoGrad.enter(); NDManager m = weights.manager().newSubManager()) {
            EncodedBatch b = encoder.encodeCompletions(prompts, completions, new boolean[prompts.size()]);
            return network.forwardLogits(m, b, null).toFloatArray();
        }
    }

    public BatchEncoder encoder() {
        return encoder;
    }

    @Override
    public int[] encodeCompletion(String completion) {
        return tokenizer.encode(completion);
    }

    @Override
    public Map<String, NDArray> parameters() {
        if (frozen) {
            throw new IllegalStateException("a frozen model has no trainable parameters");
        }
        return weights.named();
    }

    @Override
    public Map<String, HostTensor> weightsSnapshot() {
        return weights.toHost();
    }

    @Override
    public void loadWeights(Map<String, HostTensor> host) {
        weights.assign(host);
    }

    @Override
    public void save(Path dir) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve("config.json"), JSON.writeValueAsBytes(config));
            AtomicFiles.write(dir.resolve("tokenizer.json"), tokenizer::save);
            Safetensors.write(dir.resolve("model.safetensors"), weights.toHost(),
                    Map.of("architecture", config.architecture()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save model to " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public TinyVlm frozenCopy() {
        NDManager m = NDManager.newBaseManager(weights.manager().getDevice());
        TinyVlmWeights w = TinyVlmWeights.fromHost(m, config, weights.toHost(), Path.of("<copy>"), false);
        return new TinyVlm(config, tokenizer, w, directory, true);
    }

    /** A trainable copy with its own weights (e.g. a run's policy started from the base model). */
    public TinyVlm trainableCopy() {
        NDManager m = NDManager.newBaseManager(weights.manager().getDevice());
        TinyVlmWeights w = TinyVlmWeights.fromHost(m, config, weights.toHost(), Path.of("<copy>"), true);
        return new TinyVlm(config, tokenizer, w, directory, false);
    }

    public Device device() {
        return weights.manager().getDevice();
    }

    @Override
    public void close() {
        weights.close();
    }
}
