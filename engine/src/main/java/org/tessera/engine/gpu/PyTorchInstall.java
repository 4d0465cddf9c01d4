package org.tessera.engine.gpu;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PyTorch installation in some Python environment, as {@link PyTorchProbe} found it.
 *
 * @param torchVersion  {@code torch.__version__}, e.g. {@code 2.11.0+cu130} or Debian's {@code 1.13.0a0}
 * @param cudaVersion   {@code torch.version.cuda} ({@code null} for a CPU build)
 * @param cudart        the CUDA runtime library next to it or on the system ({@code null} if none was found)
 */
public record PyTorchInstall(String python, String torchVersion, Path torchDir, String cudaVersion,
                             boolean cxx11Abi, boolean cudaAvailable, String deviceName,
                             List<Path> includeDirs, List<Path> libraryDirs, Path cudart) {
    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)\\.(\\d+)");

    /** {@code major.minor.patch}: what DJL calls the PyTorch version (its cache folders and PYTORCH_VERSION). */
    public String release() {
        Matcher m = RELEASE.matcher(torchVersion);
        if (!m.find()) {
            throw new IllegalStateException("PyTorch version '" + torchVersion + "' does not start with x.y.z");
        }
        return m.group(0);
    }

    /** DJL's flavour: {@code cu130} for CUDA 13.0, {@code cpu} for a CPU build. */
    public String flavor() {
        if (cudaVersion == null || cudaVersion.isBlank()) {
            return "cpu";
        }
        String[] p = cudaVersion.split("\\.");
        return "cu" + p[0] + (p.length > 1 ? p[1] : "0");
    }

    public boolean isCuda() {
        return !"cpu".equals(flavor());
    }

    /** The folder holding libtorch.so, which DJL loads from (PYTORCH_LIBRARY_PATH). */
    public Path libtorchDir() {
        for (Path d : libraryDirs) {
            if (d.resolve("libtorch.so").toFile().exists()) {
                return d;
            }
        }
        return null;
    }

    /**
     * DJL's JNI sources compile against three generations of the libtorch API; 1.13 to 2.1 need the {@code V1_13_X}
     * switch (DJL's own build.sh sets it for exactly those versions).
     */
    public boolean needsV113Switch() {
        Matcher m = RELEASE.matcher(torchVersion);
        if (!m.find()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return (major == 1 && minor == 13) || (major == 2 && minor <= 1);
    }
}
