package org.tessera.engine.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/**
 * Picks the device: the setting {@code tessera.device} (system property) or {@code TESSERA_DEVICE} (environment),
 * {@code auto} by default = the first GPU when the PyTorch engine sees one, else the CPU. With the CPU natives
 * bundled from Maven Central the engine never sees a GPU: running on a GPU is the explicit setup in docs/gpu.md
 * ({@code ./tessera gpu-setup}). A run's experiment may ask for a device too ({@link #preferForThisProcess}).
 */
public final class Devices {
    private Devices() {
    }

    public static String requested() {
        String v = System.getProperty("tessera.device");
        if (v == null || v.isBlank()) {
            v = org.tessera.engine.config.TesseraEnvironment.DEVICE.value().orElse(null);
        }
        return v == null || v.isBlank() ? "auto" : v.trim().toLowerCase();
    }

    /**
     * Makes {@code device} ({@code cpu}, {@code gpu}; {@code auto} changes nothing) the choice of every model this
     * process loads from now on: a run worker applies its experiment's device this way before it loads models.
     */
    public static void preferForThisProcess(String device) {
        String d = device == null ? "auto" : device.trim().toLowerCase();
        switch (d) {
            case "auto" -> {
            }
            case "cpu", "gpu" -> System.setProperty("tessera.device", d);
            default -> throw new IllegalArgumentException("device must be auto, cpu or gpu, not '" + device + "'");
        }
    }

    public static Device select() {
        String want = requested();
        int gpus = Engine.getInstance().getGpuCount();
        return switch (want) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalStateException("device gpu was asked for, but the PyTorch engine sees no GPU: "
                            + "the bundled engine is CPU-only; ./tessera gpu-setup makes Tessera use a CUDA "
                            + "PyTorch (docs/gpu.md), or ask for cpu or auto");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("TESSERA_DEVICE must be auto, cpu or gpu, not '" + want + "'");
        };
    }
}
