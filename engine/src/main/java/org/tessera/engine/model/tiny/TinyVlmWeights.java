package org.tessera.engine.model.tiny;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.ModelLoadException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The named parameter arrays of a {@link TinyVlm}, owned by one long-lived NDManager. Names follow the
 * Hugging Face habit ({@code layers.0.attn.qkv.weight}) so the safetensors file reads naturally in any tool.
 */
public final class TinyVlmWeights implements AutoCloseable {
    private final NDManager manager;
    private final Map<String, NDArray> arrays;

    private TinyVlmWeights(NDManager manager, Map<String, NDArray> arrays) {
        this.manager = manager;
        this.arrays = arrays;
    }

    /** Every parameter's name and shape, in a fixed order. */
    public static Map<String, long[]> expectedShapes(TinyVlmConfig c) {
        int d = c.hiddenSize();
        Map<String, long[]> s = new LinkedHashMap<>();
        s.put("vision.patch_embed.weight", new long[] {d, c.patchDim()});
        s.put("vision.patch_embed.bias", new long[] {d});
        s.put("vision.pos_embed", new long[] {c.patchesPerImage(), d});
        s.put("vision.image_index_embed", new long[] {c.maxImages(), d});
        s.put("text.embed_tokens.weight", new long[] {c.vocabSize(), d});
        s.put("text.embed_positions.weight", new long[] {c.maxTextPositions(), d});
        for (int i = 0; i < c.numLayers(); i++) {
            String p = "layers." + i + ".";
            s.put(p + "ln1.weight", new long[] {d});
            s.put(p + "ln1.bias", new long[] {d});
            s.put(p + "attn.qkv.weight", new long[] {3L * d, d});
            s.put(p + "attn.qkv.bias", new long[] {3L * d});
            s.put(p + "attn.out.weight", new long[] {d, d});
            s.put(p + "attn.out.bias", new long[] {d});
            putResidualMlp(s, p + "ln2", p + "mlp.", c);
        }
        s.put("final_norm.weight", new long[] {d});
        s.put("final_norm.bias", new long[] {d});
        if (c.visionMlp()) {
            // last, so that the random initialisation of every other tensor is the same with or without it
            putResidualMlp(s, "vision.mlp.ln", "vision.mlp.", c);
        }
        return s;
    }

    /** The norm and two projections of a pre-LN MLP sub-layer ({@code TinyVlmNetwork.residualMlp}), in that order. */
    private static void putResidualMlp(Map<String, long[]> s, String normName, String mlpPrefix, TinyVlmConfig c) {
        int d = c.hiddenSize();
        s.put(normName + ".weight", new long[] {d});
        s.put(normName + ".bias", new long[] {d});
        s.put(mlpPrefix + "fc1.weight", new long[] {c.intermediateSize(), d});
        s.put(mlpPrefix + "fc1.bias", new long[] {c.intermediateSize()});
        s.put(mlpPrefix + "fc2.weight", new long[] {d, c.intermediateSize()});
        s.put(mlpPrefix + "fc2.bias", new long[] {d});
    }

    /** Init std of the image position and image-index embeddings (see randomInit). */
    static final double IMAGE_POSITION_STD = 0.5;

    /**
     * Random initialisation from a seed, computed in Java so it is identical on every machine and device:
     * normal(0, initializer_range) for matrices and embeddings (output projections scaled by 1/sqrt(2 layers), as
     * GPT-2 does, so the residual stream does not grow with depth), image position embeddings at
     * IMAGE_POSITION_STD, zeros for biases, ones for norm gains.
     */
    public static Map<String, HostTensor> randomInit(TinyVlmConfig c, long seed) {
        Random rnd = new Random(seed);
        Map<String, HostTensor> out = new LinkedHashMap<>();
        double residualScale = 1.0 / Math.sqrt(2.0 * c.numLayers());
        for (Map.Entry<String, long[]> e : expectedShapes(c).entrySet()) {
            String name = e.getKey();
            long[] shape = e.getValue();
            int n = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            float[] data = new float[n];
            if (name.endsWith(".bias")) {
                // zeros
            } else if (name.contains("ln") || name.contains("norm")) {
                Arrays.fill(data, 1f);
            } else {
                double std = c.initializerRange();
                if (name.endsWith("attn.out.weight") || name.endsWith("mlp.fc2.weight")) {
                    std *= residualScale;
                }
                if (name.equals("vision.pos_embed") || name.equals("vision.image_index_embed")) {
                    // A patch projection of hundreds of pixels starts ~15x larger than a 0.02 embedding, which
                    // drowned where a patch is in what it shows: grounding stayed at chance for 400 steps. At
                    // this scale the one-object grounding loss fell to 0.005 in 300 steps (docs/performance.md).
                    std = IMAGE_POSITION_STD;
                }
                for (int i = 0; i < n; i++) {
                    data[i] = (float) (rnd.nextGaussian() * std);
                }
            }
            out.put(name, new HostTensor(shape, data));
        }
        return out;
    }

    /**
     * Places host tensors on the manager's device after checking that every expected tensor is there with its
     * shape; {@code source} names the file in error messages.
     */
    public static TinyVlmWeights fromHost(NDManager manager, TinyVlmConfig c, Map<String, HostTensor> host,
                                          Path source, boolean trainable) {
        Map<String, long[]> expected = expectedShapes(c);
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            HostTensor t = host.get(e.getKey());
            if (t == null) {
                throw new ModelLoadException(source, "tensor '" + e.getKey() + "' is missing (config.json expects "
                        + Arrays.toString(e.getValue()) + ")");
            }
            if (!Arrays.equals(t.shape(), e.getValue())) {
                throw new ModelLoadException(source, "tensor '" + e.getKey() + "' has shape "
                        + Arrays.toString(t.shape()) + " but config.json implies " + Arrays.toString(e.getValue()));
            }
        }
        List<String> extra = host.keySet().stream().filter(k -> !expected.containsKey(k)).toList();
        if (!extra.isEmpty()) {
            throw new ModelLoadException(source, "unexpected tensors not described by config.json: " + extra);
        }
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            HostTensor t = host.get(e.getKey());
            NDArray a = manager.create(t.data(), new Shape(t.shape()));
            a.setName(e.getKey());
            if (trainable) {
                a.setRequiresGradient(true);
            }
            arrays.put(e.getKey(), a);
        }
        return new TinyVlmWeights(manager, arrays);
    }

    public Map<String, HostTensor> toHost() {
        return HostTensor.copyOf(arrays);
    }

    /** Overwrites every parameter in place with the given values (shapes must match). */
    public void assign(Map<String, HostTensor> host) {
        HostTensor.assign(arrays, host);
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return a;
    }

    /** Parameters in a fixed order (the optimiser's state follows it). */
    public Map<String, NDArray> named() {
        return arrays;
    }

    public long parameterCount() {
        return arrays.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
