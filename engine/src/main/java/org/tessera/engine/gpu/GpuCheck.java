package org.tessera.engine.gpu;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;
import org.tessera.engine.model.Devices;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.NoGrad;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TokenLogProbs;
import org.tessera.engine.model.TrainableModel;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code ./tessera gpu-check}: is the engine on the GPU, and does a model compute there what it computes on the
 * CPU? Loads each model twice (CPU and GPU), scores the same prompts and completions on both and compares the
 * log-probabilities of every token, then times a forward pass on each device. Without TF32 the largest absolute
 * difference must be within 1e-4; with TF32 matmuls, within 1e-3 of the largest |log p| (TF32's error is relative:
 * on an H200 the absolute differences were 2.5e-2 for the shipped model and 9.5e-3 for the Qwen2.5-VL fixture,
 * against 3.5e-5 and 6.2e-6 without TF32; docs/gpu.md).
 */
public final class GpuCheck {
    /** Tolerances on log-probabilities, CPU against GPU. */
    public static final double TOLERANCE_TF32 = 1e-3;
    public static final double TOLERANCE_FP32 = 1e-4;
    private final Consumer<String> log;

    public GpuCheck(Consumer<String> log) {
        this.log = log;
    }

    /** The engine's facts and one matrix product on the selected device against the CPU; false if that fails. */
    public boolean engine() {
        Engine e = Engine.getInstance();
        log.accept("engine       " + EngineInfo.describe() + ", DJL " + Engine.getDjlVersion());
        log.accept("libtorch     " + LibUtils.getLibtorchPath()
                + (GpuSettings.file().toFile().exists() ? " (gpu-setup: " + GpuSettings.file() + ")" : " (bundled)"));
        log.accept("GPUs         " + e.getGpuCount());
        Device device = Devices.select();
        log.accept("device       " + device + " (requested: " + Devices.requested() + ")");
        log.accept("precision    " + Precision.describe(device));
        try (NDManager cpu = NDManager.newBaseManager(Device.cpu());
             NDManager dev = NDManager.newBaseManager(device)) {
            NDArray a = cpu.randomUniform(-1, 1, new Shape(256, 256));
            float[] want = a.matMul(a).toFloatArray();
            NDArray b = dev.create(a.toFloatArray(), new Shape(256, 256));
            float[] got = b.matMul(b).toFloatArray();
            double diff = maxAbsDiff(want, got);
            log.accept(String.format("matmul       256x256 on %s: max abs difference to the CPU %.2e", device, diff));
            return diff < 0.05; // TF32 on sums of 256 products of values in [-1, 1]
        }
    }

    /**
     * @param scale the largest |log p| compared: TF32 rounds products to 10 mantissa bits, so its error grows with
     *              the values; with TF32 the tolerance applies to the difference relative to this scale
     */
    public record ModelResult(Path model, double maxAbsDiff, double scale, boolean relative, double tolerance,
                              double cpuTokensPerS, double gpuTokensPerS) {
        public double measured() {
            return relative ? maxAbsDiff / Math.max(1.0, scale) : maxAbsDiff;
        }

        public boolean ok() {
            return measured() <= tolerance;
        }
    }

    /** CPU against GPU on one model folder; requires a GPU. */
    public ModelResult model(Path dir) {
        return model(dir, "cpu", "gpu");
    }

    /** Device {@code a} against device {@code b} ({@code cpu} or {@code gpu}). */
    ModelResult model(Path dir, String a, String b) {
        String before = System.getProperty("tessera.device");
        try {
            System.setProperty("tessera.device", a);
            try (TrainableModel cpu = ModelLoader.load(dir, true)) {
                System.setProperty("tessera.device", b);
                try (TrainableModel gpu = ModelLoader.load(dir, true)) {
                    List<Prompt> prompts = prompts(8);
                    List<int[]> completions = new ArrayList<>();
                    for (int i = 0; i < prompts.size(); i++) {
                        completions.add(cpu.encodeCompletion("<answer>" + (i % 4 + 1) + " 3 2 4</answer>"));
                    }
                    Device da = a.equals("gpu") ? Device.gpu() : Device.cpu();
                    Device db = b.equals("gpu") ? Device.gpu() : Device.cpu();
                    float[] ref = logProbs(cpu, da, prompts, completions);
                    double diff = maxAbsDiff(ref, logProbs(gpu, db, prompts, completions));
                    double scale = 0;
                    for (float v : ref) {
                        scale = Math.max(scale, Math.abs(v));
                    }
                    boolean tf32 = Precision.tf32() && (da.isGpu() || db.isGpu());
                    double tol = tf32 ? TOLERANCE_TF32 : TOLERANCE_FP32;
                    List<Prompt> batch = prompts(32);
                    List<int[]> batchCompletions = new ArrayList<>();
                    for (int i = 0; i < batch.size(); i++) {
                        batchCompletions.add(completions.get(i % completions.size()));
                    }
                    return new ModelResult(dir, diff, scale, tf32, tol, tokensPerSecond(cpu, da, batch, batchCompletions),
                            tokensPerSecond(gpu, db, batch, batchCompletions));
                }
            }
        } finally {
            if (before == null) {
                System.clearProperty("tessera.device");
            } else {
                System.setProperty("tessera.device", before);
            }
        }
    }

    private static float[] logProbs(TrainableModel m, Device d, List<Prompt> prompts, List<int[]> completions) {
        try (NoGrad ignored = NoGrad.enter(); NDManager s = NDManager.newBaseManager(d)) {
            TokenLogProbs lp = m.completionDistributions(s, prompts, completions);
            // only the completion's columns: padding columns hold whatever the model computes on padding
            NDArray masked = lp.logProbs().mul(lp.mask().expandDims(-1));
            return masked.toFloatArray();
        }
    }

    /** Teacher-forced forward passes: prompt and completion tokens scored per second (best of 3 after a warm-up). */
    private static double tokensPerSecond(TrainableModel m, Device d, List<Prompt> prompts, List<int[]> completions) {
        double best = 0;
        for (int i = 0; i < 4; i++) {
            try (NoGrad ignored = NoGrad.enter(); NDManager s = NDManager.newBaseManager(d)) {
                long t0 = System.nanoTime();
                TokenLogProbs lp = m.completionLogProbs(s, prompts, completions, false);
                lp.logProbs().sum().getFloat(); // waits for the device
                double sec = (System.nanoTime() - t0) / 1e9;
                long tokens = lp.logProbs().getShape().get(0) * lp.logProbs().getShape().get(1);
                if (i > 0) {
                    best = Math.max(best, tokens / sec);
                }
            }
        }
        return best;
    }

    /** Seeded prompts with a 224x224 picture of coloured blocks (any model resizes it to what it expects). */
    static List<Prompt> prompts(int n) {
        Random rnd = new Random(11);
        List<Prompt> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BufferedImage img = new BufferedImage(224, 224, BufferedImage.TYPE_INT_RGB);
            for (int by = 0; by < 224; by += 28) {
                for (int bx = 0; bx < 224; bx += 28) {
                    int rgb = rnd.nextInt(0xffffff);
                    for (int y = by; y < by + 28; y++) {
                        for (int x = bx; x < bx + 28; x++) {
                            img.setRGB(x, y, rgb);
                        }
                    }
                }
            }
            out.add(Prompt.of(img, "the tiles are shuffled . write the order of the tiles ."));
        }
        return out;
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalStateException("CPU and GPU results differ in size: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
