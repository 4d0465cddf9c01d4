package org.tessera.engine.cli;

import org.tessera.engine.gpu.GpuSettings;
import org.tessera.engine.gpu.GpuSetup;
import org.tessera.engine.gpu.GpuSetupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "gpu-setup", mixinStandardHelpOptions = true,
        description = {"Make Tessera run on the PyTorch installed in a Python environment (for a GPU: a CUDA build).",
                "Finds PyTorch in --python (version, CUDA, C++ ABI, libraries), builds DJL's JNI library from DJL's "
                        + "C++ sources against it with the system's C++ compiler, installs it in DJL's cache, writes "
                        + "the settings to $TESSERA_HOME/gpu.properties (every ./tessera start reads them) and checks "
                        + "the engine in a fresh JVM.",
                "DJL's sources come from --djl-source DIR; without it this command DOWNLOADS the release archive "
                        + "of DJL's sources from github.com/deepjavalibrary/djl (the only download Tessera makes, "
                        + "and only here).",
                "Needs a C++ compiler (g++) and a JDK's jni.h (java.home/include or JAVA_HOME).",
                "--undo removes the settings: Tessera runs on its bundled CPU engine again."})
public final class GpuSetupCommand implements Callable<Integer> {
    @Option(names = "--python", description = "the Python whose PyTorch to use (default: ${DEFAULT-VALUE})",
            defaultValue = "python3")
    String python;

    @Option(names = "--djl-source", description = "root of DJL's source tree (a checkout at the tag of the DJL "
            + "version Tessera uses, or its unpacked release archive); without it the archive is downloaded")
    Path djlSource;

    @Option(names = "--undo", description = "remove the GPU settings and the JNI library gpu-setup installed")
    boolean undo;

    @Override
    public Integer call() throws Exception {
        GpuSetup setup = new GpuSetup(System.out::println);
        try {
            if (undo) {
                setup.undo();
                return 0;
            }
            GpuSettings s = setup.run(python, djlSource);
            System.out.println("done: Tessera now runs on PyTorch " + s.torchVersion() + " (" + s.flavor()
                    + "); ./tessera gpu-check compares models on CPU and GPU, ./tessera gpu-setup --undo goes back");
            return 0;
        } catch (GpuSetupException e) {
            System.err.println("gpu-setup failed: " + e.getMessage());
            System.err.println("what to do: " + e.remedy());
            return 1;
        }
    }
}
