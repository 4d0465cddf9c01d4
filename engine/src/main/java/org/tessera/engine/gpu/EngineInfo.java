package org.tessera.engine.gpu;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;

/** One line on the engine a process runs: PyTorch version, where its libtorch came from, GPUs, precision. */
public final class EngineInfo {
    private EngineInfo() {
    }

    public static String describe() {
        Engine e = Engine.getInstance();
        boolean setup = System.getProperty("PYTORCH_LIBRARY_PATH") != null || System.getenv("PYTORCH_LIBRARY_PATH") != null;
        return e.getEngineName() + " " + e.getVersion() + ", libtorch from " + LibUtils.getLibtorchPath()
                + (setup ? " (gpu-setup)" : " (bundled CPU build)") + ", " + e.getGpuCount() + " GPU(s)"
                + (e.getGpuCount() > 0 ? ", TF32 " + (Precision.tf32() ? "on" : "off") : "");
    }
}
