package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.io.TesseraJson;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.MappedSafetensors;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.Safetensors;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * LoRA adapters on the language model's linear layers: y = W x + b + (alpha / r) B A dropout(x), with A (r x in)
 * drawn uniform(+-1/sqrt(in)) and B (out x r) zero, so training starts from the base model exactly. Saved as PEFT
 * does ({@code adapter_config.json} with the base folder's path, {@code adapter_model.safetensors} with keys
 * {@code base_model.model.<layer>.lora_A.weight}), and mergeable into the base weights (W += alpha / r B A).
 */
public final class QwenLora {
    /** The adapter settings. {@code targets}: module names such as q_proj, v_proj (the language model's layers). */
    public record Settings(int rank, double alpha, double dropout, List<String> targets) {
        public Settings {
            if (rank < 1) {
                throw new IllegalArgumentException("LoRA rank must be >= 1, got " + rank);
            }
            if (dropout < 0 || dropout >= 1) {
                throw new IllegalArgumentException("LoRA dropout must be in [0, 1), got " + dropout);
            }
            if (targets == null || targets.isEmpty()) {
                throw new IllegalArgumentException("LoRA needs at least one target module");
            }
            targets = List.copyOf(targets);
        }

        public double scale() {
            return alpha / rank;
        }
    }

    public static final String CONFIG = "adapter_config.json";
    public static final String WEIGHTS = "adapter_model.safetensors";
    private static final String PREFIX = "base_model.model.";
    private static final ObjectMapper JSON = TesseraJson.INDENTED;

    private final Settings settings;
    /** Per adapted weight (its name in the model): {A, B}. */
    private final Map<String, NDArray[]> adapters;

    private QwenLora(Settings settings, Map<String, NDArray[]> adapters) {
        this.settings = settings;
        this.adapters = adapters;
    }

    /** The weights LoRA adapts: 2-D weights of {@code model.layers.*} whose module name is a target. */
    static List<String> targetWeights(QwenVlConfig c, Settings s) {
        List<String> out = new ArrayList<>();
        for (String name : QwenVlLayout.shapes(c).keySet()) {
            if (name.startsWith("model.layers.") && name.endsWith(".weight")) {
                String[] parts = name.split("\\.");
                if (s.targets().contains(parts[parts.length - 2])) {
                    out.add(name);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no language-model layer matches the LoRA targets " + s.targets()
                    + " (q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj)");
        }
        return out;
    }

    static QwenLora create(NDManager m, QwenVlConfig c, Settings s, long seed, boolean trainable) {
        Map<String, long[]> shapes = QwenVlLayout.shapes(c);
        Map<String, NDArray[]> out = new LinkedHashMap<>();
        for (String name : targetWeights(c, s)) {
            long[] w = shapes.get(name);
            int in = (int) w[1];
            float[] a = new float[s.rank() * in];
            SplittableRandom rnd = new SplittableRandom(seed * 31 + name.hashCode());
            double bound = 1 / Math.sqrt(in);
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((rnd.nextDouble() * 2 - 1) * bound);
            }
            out.put(name, new NDArray[] {param(m, a, new long[] {s.rank(), in}, trainable),
                    param(m, new float[(int) (w[0] * s.rank())], new long[] {w[0], s.rank()}, trainable)});
        }
        return new QwenLora(s, out);
    }

    private static NDArray param(NDManager m, float[] v, long[] shape, boolean trainable) {
        NDArray staged = m.create(v, new Shape(shape));
        NDArray a = staged.duplicate();
        staged.close();
        if (trainable) {
            a.setRequiresGradient(true);
        }
        return a;
    }

    public Settings settings() {
        return settings;
    }

    /** The adapter's contribution to {@code linear(x, weightName)}, or null when the layer is not adapted. */
    NDArray delta(NDArray x, String weightName) {
        NDArray[] ab = adapters.get(weightName);
        if (ab == null) {
            return null;
        }
        NDArray in = x;
        // dropout only while gradients are recorded (training); sampling and scoring run under NoGrad
        if (settings.dropout() > 0 && JniUtils.isGradMode()) {
            in = x.getNDArrayInternal().dropout(x, (float) settings.dropout(), true).singletonOrThrow();
        }
        NDArray down = QwenOps.linear(in, ab[0], null);
        return QwenOps.linear(down, ab[1], null).mul(settings.scale());
    }

    /** Trainable arrays by their PEFT names. */
    public Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        adapters.forEach((name, ab) -> {
            String module = PREFIX + name.substring(0, name.length() - ".weight".length());
            out.put(module + ".lora_A.weight", ab[0]);
            out.put(module + ".lora_B.weight", ab[1]);
        });
        return out;
    }

    public Map<String, HostTensor> toHost() {
        Map<String, HostTensor> out = new LinkedHashMap<>();
        parameters().forEach((k, v) -> out.put(k, new HostTensor(v.getShape().getShape(), v.toFloatArray())));
        return out;
    }

    public void assign(Map<String, HostTensor> host) {
        for (Map.Entry<String, NDArray> e : parameters().entrySet()) {
            HostTensor t = host.get(e.getKey());
            if (t == null || !java.util.Arrays.equals(t.shape(), e.getValue().getShape().getShape())) {
                throw new IllegalArgumentException("cannot assign adapter tensor '" + e.getKey() + "'");
            }
            e.getValue().set(t.data());
        }
    }

    /** Adds alpha / r B A into each adapted base weight (in place, outside autograd). */
    void mergeInto(QwenVlWeights w) {
        adapters.forEach((name, ab) -> {
            NDArray base = w.get(name);
            try (NDManager m = base.getManager().newSubManager()) {
                NDArray b = ab[1].duplicate();
                b.attach(m);
                NDArray a = ab[0].duplicate();
                a.attach(m);
                NDArray merged = base.duplicate();
                merged.attach(m);
                float[] v = merged.add(b.matMul(a).mul(settings.scale())).toFloatArray();
                base.set(v);
            }
        });
    }

    /** Writes {@code adapter_config.json} (naming the base folder) and {@code adapter_model.safetensors}. */
    void save(Path dir, Path baseFolder) throws IOException {
        Files.createDirectories(dir);
        ObjectNode c = JSON.createObjectNode();
        c.put("peft_type", "LORA");
        c.put("task_type", "CAUSAL_LM");
        c.put("base_model_name_or_path", baseFolder.toAbsolutePath().toString());
        c.put("r", settings.rank());
        c.put("lora_alpha", settings.alpha());
        c.put("lora_dropout", settings.dropout());
        var t = c.putArray("target_modules");
        settings.targets().forEach(t::add);
        c.put("bias", "none");
        c.put("inference_mode", false);
        AtomicFiles.write(dir.resolve(CONFIG), JSON.writeValueAsBytes(c));
        Safetensors.write(dir.resolve(WEIGHTS), toHost(), Map.of());
    }

    /** The settings of an adapter folder and the base folder it names. */
    record Stored(Settings settings, Path base) {
    }

    static Stored readConfig(Path dir) {
        Path file = dir.resolve(CONFIG);
        JsonNode n;
        try {
            n = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ModelLoadException(file, "not valid JSON: " + e.getMessage(), e);
        }
        for (String f : List.of("base_model_name_or_path", "r", "lora_alpha", "target_modules")) {
            if (!n.has(f)) {
                throw new ModelLoadException(file, "field '" + f + "' is missing");
            }
        }
        List<String> targets = new ArrayList<>();
        n.get("target_modules").forEach(t -> targets.add(t.asText()));
        Path base = Path.of(n.get("base_model_name_or_path").asText());
        if (!base.isAbsolute()) {
            base = dir.resolve(base).normalize();
        }
        try {
            return new Stored(new Settings(n.get("r").asInt(), n.get("lora_alpha").asDouble(),
                    n.path("lora_dropout").asDouble(0), targets), base);
        } catch (IllegalArgumentException e) {
            throw new ModelLoadException(file, e.getMessage(), e);
        }
    }

    /** Reads an adapter folder's tensors for a model of config {@code c}. */
    static QwenLora load(NDManager m, QwenVlConfig c, Path dir, Settings s, boolean trainable) {
        QwenLora lora = create(m, c, s, 0, trainable);
        Path file = dir.resolve(WEIGHTS);
        try (MappedSafetensors f = MappedSafetensors.open(file)) {
            // keys as written here (the hub's module names), or as PEFT writes them for transformers 5's modules
            Map<String, String> stored = new LinkedHashMap<>();
            for (String key : f.entries().keySet()) {
                stored.put(key.startsWith(PREFIX) ? PREFIX + QwenVlLayout.canonical(key.substring(PREFIX.length()))
                        : key, key);
            }
            for (Map.Entry<String, NDArray> e : lora.parameters().entrySet()) {
                String key = stored.get(e.getKey());
                if (key == null) {
                    throw new ModelLoadException(file, "tensor '" + e.getKey() + "' is missing");
                }
                HostTensor t = f.readFloat(key);
                if (!java.util.Arrays.equals(t.shape(), e.getValue().getShape().getShape())) {
                    throw new ModelLoadException(file, "tensor '" + e.getKey() + "' has shape "
                            + java.util.Arrays.toString(t.shape()) + ", expected "
                            + java.util.Arrays.toString(e.getValue().getShape().getShape()));
                }
                e.getValue().set(t.data());
            }
        }
        return lora;
    }

    long parameterCount() {
        return parameters().values().stream().mapToLong(a -> a.getShape().size()).sum();
    }
}
