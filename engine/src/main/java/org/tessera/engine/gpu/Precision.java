package org.tessera.engine.gpu;

import ai.djl.Device;
import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * fp32 compute, with TF32 matrix products allowed on GPUs that have them (Ampere and later): on an H200 fp32
 * matmuls reach 51 TFLOP/s and TF32 ones 414 (docs/gpu.md), at about 1e-3 relative error. The setting is
 * {@code TESSERA_TF32} (environment) or {@code tessera.tf32} (system property): {@code on} (default) or {@code off}.
 * libtorch reads it as {@code TORCH_ALLOW_TF32_CUBLAS_OVERRIDE} once, at the first CUDA matrix product, and DJL has
 * no call for it, so {@link #applyAtStartup()} puts it into this process's environment (libc {@code setenv})
 * before any tensor exists; run workers inherit it. A {@code TORCH_ALLOW_TF32_CUBLAS_OVERRIDE} the user set
 * themselves wins. bf16 never reaches DJL (it aborts the JVM); weights on disk in bf16 are widened to fp32.
 */
public final class Precision {
    static final String TORCH_VARIABLE = "TORCH_ALLOW_TF32_CUBLAS_OVERRIDE";
    private static volatile Boolean tf32;

    private Precision() {
    }

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Whether TF32 matmuls are allowed (on a GPU that has them). */
    public static boolean tf32() {
        Boolean t = tf32;
        return t != null ? t : requested();
    }

    /** What the setting asks for, before it is applied. */
    static boolean requested() {
        String user = System.getenv(TORCH_VARIABLE);
        if (user != null && !user.isBlank()) {
            return truthy(user, TORCH_VARIABLE);
        }
        String v = System.getProperty("tessera.tf32");
        if (v == null || v.isBlank()) {
            v = org.tessera.engine.config.TesseraEnvironment.TF32.value().orElse(null);
        }
        return v == null || v.isBlank() || truthy(v, "TESSERA_TF32");
    }

    private static boolean truthy(String v, String name) {
        return switch (v.trim().toLowerCase()) {
            case "1", "on", "true", "yes" -> true;
            case "0", "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(name + " must be on or off, not '" + v + "'");
        };
    }

    /** Puts the setting into the environment libtorch reads; call before the engine creates any tensor. */
    public static void applyAtStartup() {
        boolean on = requested();
        if (System.getenv(TORCH_VARIABLE) == null) {
            try {
                Native.load("c", LibC.class).setenv(TORCH_VARIABLE, on ? "1" : "0", 1);
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // no libc through JNA (not Linux/macOS): libtorch's default (no TF32) applies
                on = false;
            }
        }
        tf32 = on;
    }

    /** What a run records: the compute precision on {@code device}. */
    public static String describe(Device device) {
        if (device == null || !device.isGpu()) {
            return "fp32";
        }
        return tf32() ? "fp32 (TF32 matmuls allowed)" : "fp32 (TF32 off)";
    }
}
