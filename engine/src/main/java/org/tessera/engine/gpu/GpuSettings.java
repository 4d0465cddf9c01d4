package org.tessera.engine.gpu;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Properties;

/**
 * Tessera's GPU settings: which libtorch DJL loads instead of the bundled CPU one, and where the CUDA runtime is.
 * {@code gpu-setup} writes them to {@code $TESSERA_HOME/gpu.properties} (default {@code ~/.tessera}); every Tessera
 * process (CLI, workbench, run workers) applies them at start through {@link #applyAtStartup()}, before DJL loads
 * its engine. DJL reads its settings from the environment or from system properties of the same names, so applying
 * them is setting system properties; an environment variable the user set wins, as in DJL.
 *
 * @param libtorchDir the folder of libtorch.so ({@code PYTORCH_LIBRARY_PATH})
 * @param release     {@code PYTORCH_VERSION}, x.y.z
 * @param flavor      {@code PYTORCH_FLAVOR}: cpu or cuNNN
 * @param cudartDir   the folder of libcudart.so ({@code jna.library.path}: DJL counts GPUs through it), or null
 * @param jni         the JNI library gpu-setup built and installed in DJL's cache
 */
public record GpuSettings(Path libtorchDir, String release, String flavor, Path cudartDir, Path jni,
                          String torchVersion, String python) {
    public static final String FILE_NAME = "gpu.properties";

    /** {@code $TESSERA_HOME} (set by the launcher), else {@code ~/.tessera}. */
    public static Path home() {
        String h = org.tessera.engine.config.TesseraEnvironment.HOME.value().orElse(null);
        if (h == null || h.isBlank()) {
            h = System.getProperty("tessera.home");
        }
        return h == null || h.isBlank() ? Path.of(System.getProperty("user.home"), ".tessera") : Path.of(h);
    }

    public static Path file() {
        return home().resolve(FILE_NAME);
    }

    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("PYTORCH_LIBRARY_PATH", libtorchDir.toString());
        p.setProperty("PYTORCH_VERSION", release);
        p.setProperty("PYTORCH_FLAVOR", flavor);
        if (cudartDir != null) {
            p.setProperty("jna.library.path", cudartDir.toString());
        }
        p.setProperty("jni", jni.toString());
        p.setProperty("torch.version", torchVersion);
        p.setProperty("python", python);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Written by ./tessera gpu-setup on " + Instant.now()
                    + "; ./tessera gpu-setup --undo restores the bundled CPU engine");
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The settings in {@code file}, or an exception naming the file and the missing field. */
    public static GpuSettings read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        String cudart = p.getProperty("jna.library.path");
        return new GpuSettings(Path.of(required(p, file, "PYTORCH_LIBRARY_PATH")), required(p, file, "PYTORCH_VERSION"),
                required(p, file, "PYTORCH_FLAVOR"), cudart == null ? null : Path.of(cudart),
                Path.of(required(p, file, "jni")), p.getProperty("torch.version", "?"), p.getProperty("python", "?"));
    }

    private static String required(Properties p, Path file, String key) throws IOException {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IOException(file + ": field '" + key + "' is missing");
        }
        return v.trim();
    }

    /**
     * Applies {@code $TESSERA_HOME/gpu.properties} if it exists. A file that is broken, or that points at files
     * no longer there, is reported on stderr and ignored: Tessera then runs on the bundled CPU engine rather than
     * letting DJL fail (or download) at the first tensor.
     *
     * @return the settings applied, or null
     */
    public static GpuSettings applyAtStartup() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return null;
        }
        GpuSettings s;
        try {
            s = read(file);
        } catch (IOException e) {
            System.err.println("tessera: ignoring GPU settings: " + e.getMessage()
                    + " (run ./tessera gpu-setup again, or ./tessera gpu-setup --undo)");
            return null;
        }
        String problem = s.problem();
        if (problem != null) {
            System.err.println("tessera: ignoring GPU settings in " + file + ": " + problem
                    + "; running on the bundled CPU engine (run ./tessera gpu-setup again, or --undo)");
            return null;
        }
        s.apply();
        return s;
    }

    /** What makes these settings unusable now, or null. */
    public String problem() {
        if (!Files.isRegularFile(libtorchDir.resolve("libtorch.so"))) {
            return libtorchDir + " holds no libtorch.so (was that PyTorch removed or upgraded?)";
        }
        if (!Files.isRegularFile(jni)) {
            return "the JNI library " + jni + " is missing";
        }
        return null;
    }

    void apply() {
        setIfAbsent("PYTORCH_LIBRARY_PATH", libtorchDir.toString());
        setIfAbsent("PYTORCH_VERSION", release);
        setIfAbsent("PYTORCH_FLAVOR", flavor);
        if (cudartDir != null) {
            String jna = System.getProperty("jna.library.path");
            System.setProperty("jna.library.path", jna == null || jna.isBlank() ? cudartDir.toString()
                    : jna + java.io.File.pathSeparator + cudartDir);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getenv(key) == null && System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
