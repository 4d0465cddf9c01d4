package org.tessera.engine.gpu;

import ai.djl.util.Platform;
import ai.djl.util.Utils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code ./tessera gpu-setup}: makes DJL run on the PyTorch the user already has. DJL's prebuilt JNI targets one
 * libtorch version (2.7.1 for DJL 0.36) and fails on others (docs/gpu.md), so this builds DJL's JNI against the
 * installed PyTorch, installs it where DJL looks for a JNI of that version and flavour, writes Tessera's GPU
 * settings, and proves them in a fresh JVM before keeping them.
 */
public final class GpuSetup {
    private final Consumer<String> log;

    public GpuSetup(Consumer<String> log) {
        this.log = log;
    }

    public GpuSettings run(String python, Path djlSource) throws IOException {
        PyTorchInstall torch = PyTorchProbe.probe(python);
        log.accept("PyTorch " + torch.torchVersion() + " in " + torch.python());
        log.accept("  folder       " + torch.torchDir());
        log.accept("  libtorch     " + (torch.libtorchDir() == null ? "NOT FOUND in " + torch.libraryDirs()
                : torch.libtorchDir()));
        log.accept("  C++ ABI      " + (torch.cxx11Abi() ? "cxx11 (new)" : "pre-cxx11 (old)"));
        log.accept("  CUDA         " + (torch.isCuda() ? torch.cudaVersion() + " (flavour " + torch.flavor() + ")"
                : "none: a CPU build; Tessera will run on it on the CPU"));
        if (torch.isCuda()) {
            log.accept("  CUDA runtime " + (torch.cudart() == null ? "NOT FOUND" : torch.cudart()));
            log.accept("  GPU          " + (torch.cudaAvailable() ? torch.deviceName() : "none visible to PyTorch"));
            if (torch.cudart() == null) {
                throw new GpuSetupException("PyTorch is a CUDA build but no libcudart.so was found (DJL counts GPUs "
                        + "through it)", "install the CUDA runtime (pip install nvidia-cuda-runtime, or a CUDA "
                        + "toolkit) or set CUDA_HOME to it, then run gpu-setup again");
            }
            if (!torch.cudaAvailable()) {
                log.accept("  warning: this PyTorch sees no GPU (driver missing?); the build goes on, but Tessera "
                        + "will run on the CPU until a GPU is visible");
            }
        }
        if (torch.libtorchDir() == null) {
            throw new GpuSetupException("PyTorch " + torch.torchVersion() + " has no libtorch.so in "
                    + torch.libraryDirs(), "install a full PyTorch (pip install torch, or Debian's libtorch-dev)");
        }
        String djlVersion = JniSources.djlVersion();
        JniSources sources = djlSource != null ? JniSources.in(djlSource)
                : JniSources.download(djlVersion, GpuSettings.home().resolve("gpu").resolve("src"), log);
        String declared = sources.declaredVersion();
        log.accept("DJL " + djlVersion + " JNI sources: " + sources.root()
                + (declared == null ? "" : " (version " + declared + ")"));
        if (declared != null && !declared.equals(djlVersion)) {
            throw new GpuSetupException("the DJL sources are version " + declared + ", Tessera runs DJL " + djlVersion,
                    "give the sources of DJL " + djlVersion + " (tag v" + djlVersion + ")");
        }
        String cxx = JniBuild.compiler();
        Path work = GpuSettings.home().resolve("gpu").resolve("build-" + torch.release() + "-" + torch.flavor());
        Path built;
        try {
            built = new JniBuild(torch, sources, work, log).build(cxx, JniHeader.djlPyTorchLibrary());
        } catch (ClassNotFoundException e) {
            throw new GpuSetupException("DJL's PyTorch engine is not on the class path", "rebuild Tessera");
        }
        Path installed = installPath(torch);
        Files.createDirectories(installed.getParent());
        Files.copy(built, installed, StandardCopyOption.REPLACE_EXISTING);
        log.accept("installed " + installed);

        GpuSettings settings = new GpuSettings(torch.libtorchDir(), torch.release(), torch.flavor(),
                torch.cudart() == null ? null : torch.cudart().getParent(), installed, torch.torchVersion(),
                torch.python());
        Path file = GpuSettings.file();
        Path previous = file.resolveSibling(GpuSettings.FILE_NAME + ".previous");
        boolean hadPrevious = Files.isRegularFile(file);
        if (hadPrevious) {
            Files.copy(file, previous, StandardCopyOption.REPLACE_EXISTING);
        }
        settings.write(file);
        log.accept("wrote " + file);
        log.accept("checking in a fresh JVM ...");
        Check check = checkInFreshJvm();
        check.output().forEach(l -> log.accept("  " + l));
        if (!check.ok()) {
            if (hadPrevious) {
                Files.move(previous, file, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.deleteIfExists(file);
            }
            throw new GpuSetupException("the engine did not start on PyTorch " + torch.torchVersion()
                    + " (exit " + check.exit() + "); the previous settings are back",
                    "read the lines above; TESSERA_DEBUG=1 ./tessera gpu-check --engine shows the whole error");
        }
        Files.deleteIfExists(previous);
        return settings;
    }

    /** Where DJL looks for a JNI library of this PyTorch version and flavour (its engine cache). */
    static Path installPath(PyTorchInstall torch) {
        Platform platform = Platform.detectPlatform("pytorch");
        return Utils.getEngineCacheDir("pytorch")
                .resolve(torch.release() + "-" + torch.flavor() + "-" + platform.getClassifier())
                .resolve(platform.getApiVersion() + "-" + System.mapLibraryName("djl_torch"));
    }

    /** Removes the settings (and the JNI library they name): Tessera is back on its bundled CPU engine. */
    public boolean undo() throws IOException {
        Path file = GpuSettings.file();
        if (!Files.isRegularFile(file)) {
            log.accept("no GPU settings in " + file + ": Tessera already uses its bundled CPU engine");
            return false;
        }
        try {
            GpuSettings s = GpuSettings.read(file);
            if (Files.deleteIfExists(s.jni())) {
                log.accept("removed " + s.jni());
            }
        } catch (IOException e) {
            log.accept("(" + e.getMessage() + ")");
        }
        Files.delete(file);
        log.accept("removed " + file + ": Tessera uses its bundled CPU engine again");
        return true;
    }

    record Check(boolean ok, int exit, List<String> output) {
    }

    /** {@code tessera gpu-check --engine} in a new JVM on this class path (the settings apply at its start). */
    static Check checkInFreshJvm() throws IOException {
        String java = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), "org.tessera.engine.cli.TesseraCli", "gpu-check", "--engine"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (var r = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
            String l;
            while ((l = r.readLine()) != null) {
                lines.add(l);
            }
        }
        try {
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Check(false, -1, lines);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Check(false, -1, lines);
        }
        return new Check(p.exitValue() == 0, p.exitValue(), lines);
    }
}
