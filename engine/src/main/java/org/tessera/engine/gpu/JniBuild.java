package org.tessera.engine.gpu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Compiles DJL's JNI sources against a PyTorch installation with the system's C++ compiler, one compiler process
 * per source file in parallel, and links {@code libdjl_torch.so} against that PyTorch's libtorch. The flags are
 * those of DJL's own CMake build (C++17, position-independent, PyTorch's C++ ABI, the {@code V1_13_X} switch for
 * libtorch 1.13-2.1); CUDA needs no flag: DJL's CUDA-specific code paths are optional, and the CUDA kernels come
 * from libtorch_cuda, which DJL loads from the same folder.
 */
public final class JniBuild {
    private final PyTorchInstall torch;
    private final JniSources sources;
    private final Path workDir;
    private final Consumer<String> log;

    public JniBuild(PyTorchInstall torch, JniSources sources, Path workDir, Consumer<String> log) {
        this.torch = torch;
        this.sources = sources;
        this.workDir = workDir;
        this.log = log;
    }

    /** The C++ compiler: {@code $CXX}, else {@code g++}, else {@code c++}; an exception saying how to get one. */
    public static String compiler() {
        String cxx = System.getenv("CXX");
        for (String c : cxx == null || cxx.isBlank() ? List.of("g++", "c++") : List.of(cxx)) {
            try {
                Process p = new ProcessBuilder(c, "--version").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor() == 0) {
                    return c;
                }
            } catch (IOException e) {
                // not this one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new GpuSetupException("no C++ compiler found (tried " + (cxx == null ? "g++, c++" : cxx) + ")",
                "install one (Debian/Ubuntu: sudo apt-get install g++), or name it with CXX=/path/to/g++");
    }

    /** The folders holding jni.h and jni_md.h: this JVM's own ({@code java.home/include}), else $JAVA_HOME's. */
    public static List<Path> jniIncludes() {
        List<Path> homes = new ArrayList<>();
        homes.add(Path.of(System.getProperty("java.home")));
        String jh = System.getenv("JAVA_HOME");
        if (jh != null && !jh.isBlank()) {
            homes.add(Path.of(jh));
        }
        for (Path h : homes) {
            Path inc = h.resolve("include");
            if (Files.isRegularFile(inc.resolve("jni.h"))) {
                return List.of(inc, inc.resolve("linux"));
            }
        }
        throw new GpuSetupException("no jni.h in " + homes + " (a JRE without the JDK's include folder)",
                "run gpu-setup with a JDK (JAVA_HOME=/path/to/jdk-17 ./tessera gpu-setup)");
    }

    /** Builds and returns {@code workDir/libdjl_torch.so}, checked to export every native method of DJL's class. */
    public Path build(String cxx, Class<?> nativeClass) throws IOException {
        Path libtorch = torch.libtorchDir();
        if (libtorch == null) {
            throw new GpuSetupException("no libtorch.so in PyTorch's library folders " + torch.libraryDirs(),
                    "this PyTorch has no C++ libraries; install the full PyTorch wheel (pip install torch)");
        }
        Files.createDirectories(workDir.resolve("include"));
        Files.writeString(workDir.resolve("include").resolve(
                nativeClass.getName().replace('.', '_') + ".h"), JniHeader.header(nativeClass));
        List<String> flags = new ArrayList<>(List.of("-O2", "-fPIC", "-std=c++17", "-w",
                "-D_GLIBCXX_USE_CXX11_ABI=" + (torch.cxx11Abi() ? 1 : 0)));
        if (torch.needsV113Switch()) {
            flags.add("-DV1_13_X");
        }
        List<String> includes = new ArrayList<>();
        includes.add("-I" + workDir.resolve("include"));
        includes.add("-I" + sources.nativeDir());
        includes.add("-I" + sources.utilsDir());
        torch.includeDirs().forEach(d -> includes.add("-I" + d));
        jniIncludes().forEach(d -> includes.add("-I" + d));

        List<Path> cc = sources.cppFiles();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        log.accept("compiling " + cc.size() + " C++ files with " + cxx + " (" + threads + " at a time) ...");
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (Path src : cc) {
                List<String> cmd = new ArrayList<>(List.of(cxx));
                cmd.addAll(flags);
                cmd.addAll(includes);
                cmd.addAll(List.of("-c", src.toString(), "-o", object(src).toString()));
                results.add(pool.submit(() -> run(cmd, src.getFileName().toString())));
            }
            for (Future<String> f : results) {
                String error = f.get();
                if (error != null) {
                    throw new GpuSetupException("compiling DJL's JNI against PyTorch " + torch.torchVersion()
                            + " failed:\n" + error, "check that DJL's sources are version " + JniSources.djlVersion()
                            + " and that PyTorch's C++ headers are complete (" + torch.includeDirs() + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpuSetupException("interrupted while compiling", "run gpu-setup again");
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        log.accept(String.format("compiled in %.0f s", (System.nanoTime() - t0) / 1e9));

        Path lib = workDir.resolve("libdjl_torch.so");
        List<String> link = new ArrayList<>(List.of(cxx, "-shared", "-o", lib.toString()));
        cc.forEach(src -> link.add(object(src).toString()));
        link.addAll(List.of("-L" + libtorch, "-Wl,-rpath," + libtorch, "-ltorch", "-ltorch_cpu", "-lc10"));
        String error;
        try {
            error = run(link, "link");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpuSetupException("interrupted while linking", "run gpu-setup again");
        }
        if (error != null) {
            throw new GpuSetupException("linking libdjl_torch.so failed:\n" + error,
                    "check that " + libtorch + " holds libtorch.so, libtorch_cpu.so and libc10.so");
        }
        Set<String> missing = missingExports(lib, nativeClass);
        if (!missing.isEmpty()) {
            throw new GpuSetupException("the built library lacks " + missing.size() + " of DJL's native methods, e.g. "
                    + missing.iterator().next(), "the DJL sources do not match DJL " + JniSources.djlVersion()
                    + "; give the sources of exactly that version");
        }
        return lib;
    }

    /** The native methods of {@code nativeClass} that {@code lib} does not export. */
    public static Set<String> missingExports(Path lib, Class<?> nativeClass) throws IOException {
        Set<String> exported = ElfSymbols.defined(lib);
        Set<String> missing = new TreeSet<>();
        for (JniHeader.NativeFunction f : JniHeader.functions(nativeClass)) {
            if (!exported.contains(f.symbol())) {
                missing.add(f.symbol());
            }
        }
        return missing;
    }

    private Path object(Path src) {
        String n = src.getFileName().toString();
        return workDir.resolve(n.substring(0, n.length() - 3) + ".o");
    }

    /** Runs a compiler command; null on success, else the end of its output. */
    private String run(List<String> cmd, String what) throws IOException, InterruptedException {
        Path logFile = workDir.resolve(what + ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (p.waitFor() == 0) {
            return null;
        }
        List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        List<String> errors = lines.stream().filter(l -> l.contains("error")).limit(8).toList();
        return what + ": " + String.join("\n", errors.isEmpty() ? lines.subList(Math.max(0, lines.size() - 8),
                lines.size()) : errors) + "\n(full output: " + logFile + ")";
    }
}
