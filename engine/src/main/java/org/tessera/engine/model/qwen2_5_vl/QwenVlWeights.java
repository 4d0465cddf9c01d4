package org.tessera.engine.model.qwen2_5_vl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.tessera.engine.model.HfWeightFiles;
import org.tessera.engine.model.HostTensor;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameters of a Qwen2.5-VL model as float32 arrays on the model's device, under the hub's names. With tied
 * embeddings the LM head is the token embedding itself (one array, one gradient).
 */
public final class QwenVlWeights implements AutoCloseable {
    private final NDManager manager;
    private final QwenVlConfig config;
    private final Map<String, NDArray> arrays;
    /** LoRA adapters on the language model, or null. */
    private QwenLora lora;

    private QwenVlWeights(NDManager manager, QwenVlConfig config, Map<String, NDArray> arrays) {
        this.manager = manager;
        this.config = config;
        this.arrays = arrays;
    }

    /** Reads every tensor the config implies from the folder's weight files, one at a time. */
    public static QwenVlWeights load(NDManager manager, QwenVlConfig c, Path dir, boolean trainable) {
        return load(manager, c, dir, trainable, PIECE);
    }

    /** As above, copying at most {@code piece} values at a time (tests use small pieces). */
    static QwenVlWeights load(NDManager manager, QwenVlConfig c, Path dir, boolean trainable, long piece) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        // one staging buffer for every piece: DJL wraps a direct buffer without copying it, and direct memory is
        // only returned when the GC runs, so a new buffer per piece piled up gigabytes on a 3B model
        long largest = QwenVlLayout.shapes(c).values().stream().mapToLong(s -> pieceValues(s, piece))
                .max().orElse(1);
        ByteBuffer staging = ByteBuffer.allocateDirect(Math.toIntExact(4 * largest)).order(ByteOrder.nativeOrder());
        try (HfWeightFiles files = HfWeightFiles.open(dir, QwenVlLayout::canonical)) {
            for (Map.Entry<String, long[]> e : QwenVlLayout.shapes(c).entrySet()) {
                out.put(e.getKey(), copyIn(manager, files, e.getKey(), e.getValue(), trainable, piece, staging));
            }
        }
        return new QwenVlWeights(manager, c, out);
    }

    public static QwenVlWeights fromHost(NDManager manager, QwenVlConfig c, Map<String, HostTensor> host,
                                         boolean trainable) {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> e : QwenVlLayout.shapes(c).entrySet()) {
            HostTensor t = host.get(e.getKey());
            if (t == null || !Arrays.equals(t.shape(), e.getValue())) {
                throw new IllegalArgumentException("tensor '" + e.getKey() + "' is missing or has the wrong shape");
            }
            out.put(e.getKey(), place(manager, e.getKey(), t, trainable));
        }
        return new QwenVlWeights(manager, c, out);
    }

    /** Values per piece when a tensor is copied from its file into native memory. */
    private static final long PIECE = 1L << 24;

    /**
     * One tensor from the weight files into an array libtorch owns, a block of rows at a time: neither the whole
     * tensor as a Java array nor DJL's direct-buffer copy of it ever exists, so a 3B model in float32 needs its
     * 15 GB once, not two or three times (the first version, staging whole tensors, was killed for memory at 19 GB).
     */
    private static NDArray copyIn(NDManager m, HfWeightFiles files, String name, long[] shape, boolean trainable,
                                  long piece, ByteBuffer staging) {
        long rowSize = 1;
        for (int i = 1; i < shape.length; i++) {
            rowSize *= shape[i];
        }
        long rows = shape.length == 0 ? 1 : shape[0];
        NDArray a;
        if (rows * rowSize <= piece) {
            try (NDArray staged = stage(m, files, name, shape, 0, (int) (rows * rowSize), shape, staging)) {
                a = staged.duplicate(); // libtorch's own memory: the staging buffer is reused for the next piece
            }
        } else {
            a = m.zeros(new Shape(shape));
            long perPiece = Math.max(1, piece / rowSize);
            for (long r = 0; r < rows; r += perPiece) {
                long n = Math.min(perPiece, rows - r);
                long[] pieceShape = shape.clone();
                pieceShape[0] = n;
                try (NDArray block = stage(m, files, name, shape, r * rowSize, (int) (n * rowSize), pieceShape,
                        staging)) {
                    a.set(new ai.djl.ndarray.index.NDIndex(r + ":" + (r + n)), block);
                }
            }
        }
        a.setName(name);
        if (trainable) {
            a.setRequiresGradient(true);
        }
        return a;
    }

    /** Values of the largest piece {@link #copyIn} stages for a tensor: whole, or whole rows up to {@code piece}. */
    private static long pieceValues(long[] shape, long piece) {
        long rowSize = 1;
        for (int i = 1; i < shape.length; i++) {
            rowSize *= shape[i];
        }
        long total = rowSize * (shape.length == 0 ? 1 : shape[0]);
        return total <= piece ? total : Math.max(1, piece / rowSize) * rowSize;
    }

    /** Values [from, from + count) of a tensor in the staging buffer, wrapped (not copied) as an array. */
    private static NDArray stage(NDManager m, HfWeightFiles files, String name, long[] shape, long from, int count,
                                 long[] pieceShape, ByteBuffer staging) {
        staging.clear();
        FloatBuffer f = staging.asFloatBuffer();
        files.readRange(name, shape, from, count, f);
        staging.limit(count * 4);
        return m.create(staging, new Shape(pieceShape), ai.djl.ndarray.types.DataType.FLOAT32);
    }

    private static NDArray place(NDManager m, String name, HostTensor t, boolean trainable) {
        // DJL's create() wraps a direct ByteBuffer that the CPU tensor keeps using: 15 GB of weights would have to
        // fit -XX:MaxDirectMemorySize (= -Xmx by default). A copy owned by libtorch frees the buffer for the GC.
        NDArray staged = m.create(t.data(), new Shape(t.shape()));
        NDArray a = staged.duplicate();
        staged.close();
        a.setName(name);
        if (trainable) {
            a.setRequiresGradient(true);
        }
        return a;
    }

    /**
     * Seeded random values of one tensor (norms 1, biases 0, matrices normal with std 0.02): what
     * {@code init-model} writes, one tensor at a time. Each tensor has its own stream, so the values do not depend
     * on the order tensors are made in.
     */
    public static float[] randomTensor(String name, long[] shape, long seed) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] data = new float[Math.toIntExact(n)];
        if (QwenVlLayout.isNorm(name)) {
            Arrays.fill(data, 1f);
        } else if (!name.endsWith(".bias")) {
            // fixed-size chunks, each with its own stream, filled in parallel: the values do not depend on the
            // number of threads, and a 3B model's 3.75 B draws take seconds on many cores instead of minutes
            long base = seed * 1_000_003L + name.hashCode();
            int chunks = (data.length + RANDOM_CHUNK - 1) / RANDOM_CHUNK;
            java.util.stream.IntStream.range(0, chunks).parallel().forEach(c -> {
                SplittableRandom rnd = new SplittableRandom(base + c * 0x9E3779B97F4A7C15L);
                int end = Math.min(data.length, (c + 1) * RANDOM_CHUNK);
                for (int i = c * RANDOM_CHUNK; i < end; i++) {
                    data[i] = (float) (gaussian(rnd) * 0.02);
                }
            });
        }
        return data;
    }

    /** Values drawn from one random stream; a tensor no larger (every tensor of the tiny model) is one stream. */
    private static final int RANDOM_CHUNK = 1 << 20;

    private static double gaussian(SplittableRandom r) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17
        double u = 1.0 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    public NDArray get(String name) {
        NDArray a = arrays.get(name);
        if (a == null) {
            throw new IllegalArgumentException("no parameter named " + name);
        }
        return a;
    }

    /** x W^T + b, plus the LoRA adapter's term when the layer has one. */
    NDArray linear(NDArray x, String weightName, String biasName) {
        NDArray y = QwenOps.linear(x, get(weightName), biasName == null ? null : get(biasName));
        NDArray d = lora == null ? null : lora.delta(x, weightName);
        return d == null ? y : y.add(d);
    }

    QwenLora lora() {
        return lora;
    }

    void lora(QwenLora adapters) {
        this.lora = adapters;
    }

    /** The output projection: {@code lm_head.weight}, or the token embedding when tied. */
    public NDArray lmHead() {
        return config.tieWordEmbeddings() ? get("model.embed_tokens.weight") : get("lm_head.weight");
    }

    /** Parameters in a fixed order (the optimiser's state follows it). */
    public Map<String, NDArray> named() {
        return arrays;
    }

    public long parameterCount() {
        return arrays.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** Parameters of the vision tower and merger ({@code visual.*}). */
    public long visionParameterCount() {
        return arrays.entrySet().stream().filter(e -> e.getKey().startsWith("visual."))
                .mapToLong(e -> e.getValue().getShape().size()).sum();
    }

    public Map<String, HostTensor> toHost() {
        return HostTensor.copyOf(arrays);
    }

    /** Overwrites every parameter in place (shapes must match). */
    public void assign(Map<String, HostTensor> host) {
        HostTensor.assign(arrays, host);
    }

    public NDManager manager() {
        return manager;
    }

    @Override
    public void close() {
        manager.close();
    }
}
