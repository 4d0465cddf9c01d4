package org.tessera.engine.cli;

import ai.djl.engine.Engine;
import org.tessera.engine.gpu.GpuCheck;
import org.tessera.engine.model.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "gpu-check", mixinStandardHelpOptions = true,
        description = {"Check the GPU path: the engine's PyTorch, device and precision, then each model loaded on "
                + "the CPU and on the GPU, the log-probabilities of the same tokens compared (without TF32: max absolute "
                + "difference 1e-4; with TF32 matmuls: 1e-3 of the largest |log p|, as TF32's error is relative; "
                + "TESSERA_TF32=off turns TF32 off), and a forward-pass speed line.",
                "Exit 0 when everything matches, 1 otherwise (also when no GPU is visible)."})
public final class GpuCheckCommand implements Callable<Integer> {
    @Option(names = "--model", description = "model folder to compare (repeatable; default: the shipped model)")
    List<Path> models = new ArrayList<>();

    @Option(names = "--engine", description = "only the engine: version, library, device, one matrix product")
    boolean engineOnly;

    @Override
    public Integer call() {
        GpuCheck check = new GpuCheck(System.out::println);
        boolean ok = check.engine();
        if (engineOnly) {
            return ok ? 0 : 1;
        }
        if (Engine.getInstance().getGpuCount() == 0) {
            System.out.println("no GPU visible to the engine: nothing to compare (docs/gpu.md: ./tessera gpu-setup)");
            return 1;
        }
        List<Path> dirs = models.isEmpty() ? List.of(ModelLoader.defaultModelDir()) : models;
        for (Path dir : dirs) {
            GpuCheck.ModelResult r = check.model(dir);
            System.out.printf("model        %s: max |log p(cpu) - log p(gpu)| = %.2e, largest |log p| %.1f, "
                            + "%s %.2e (tolerance %.0e) %s%n", dir, r.maxAbsDiff(), r.scale(),
                    r.relative() ? "relative (TF32)" : "absolute", r.measured(), r.tolerance(),
                    r.ok() ? "OK" : "MISMATCH");
            System.out.printf("speed        forward, 32 sequences: cpu %.0f tokens/s, gpu %.0f tokens/s (%.1fx)%n",
                    r.cpuTokensPerS(), r.gpuTokensPerS(), r.gpuTokensPerS() / r.cpuTokensPerS());
            ok &= r.ok();
        }
        System.out.println(ok ? "gpu-check passed" : "gpu-check FAILED");
        return ok ? 0 : 1;
    }
}
