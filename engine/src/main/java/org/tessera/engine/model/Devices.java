package org.tessera.engine.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Picks the device: the setting {@code tessera.device} (system property) or {@code TESSERA_DEVICE} (environment),
 * {@code auto} by default = the first GPU when the PyTorch engine sees one, else the CPU. With the CPU natives
 * bundled from Maven Central the engine never sees a GPU: running on a GPU is the explicit setup in docs/gpu.md.
 */
public final class Devices {
    private Devices() {
    }

    public static String requested() {
        String v = System.getProperty("tessera.device");
        if (v == null || v.isBlank()) {
            v = System.getenv("TESSERA_DEVICE");
        }
        return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase();
    }

    public static Device select() {
        String want = requested();
        int gpus = Engine.getInstance().getGpuCount();
        return switch (want) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("TESSERA_DEVICE=gpu but the PyTorch engine sees no GPU: "
                            + "the bundled natives are CPU-only; see docs/gpu.md for the CUDA setup");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("TESSERA_DEVICE must be auto, cpu or gpu, not '" + want + "'");
        };
    }
}
