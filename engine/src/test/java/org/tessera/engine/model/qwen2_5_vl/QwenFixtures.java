package org.tessera.engine.model.qwen2_5_vl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.MappedSafetensors;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The tiny Qwen2.5-VL checkpoints and transformers' reference outputs (test resources, from shared/fixtures/hf). */
final class QwenFixtures {
    private QwenFixtures() {
    }

    static Path dir(String name) {
        try {
            return Path.of(QwenFixtures.class.getResource("/hf/" + name + "/config.json").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path fp32() {
        return dir("qwen2_5_vl-tiny");
    }

    static Path bf16() {
        return dir("qwen2_5_vl-tiny-bf16");
    }

    static BufferedImage image(Path dir) throws IOException {
        return ImageIO.read(dir.resolve("image.png").toFile());
    }

    static JsonNode prompt(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("prompt.json").toFile());
    }

    static HostTensor ref(Path dir, String name) {
        try (MappedSafetensors f = MappedSafetensors.open(dir.resolve("reference.safetensors"))) {
            return f.readFloat(name);
        }
    }

    static long[] refLong(Path dir, String name) {
        try (MappedSafetensors f = MappedSafetensors.open(dir.resolve("reference.safetensors"))) {
            return f.readLong(name);
        }
    }

    static double maxAbsDiff(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs((double) a[i] - b[i]));
        }
        return m;
    }
}
