package org.tessera.engine.model.tiny;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.ModelLoadException;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Safetensors;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Broken checkpoint folders give a clear error naming the file and the problem, never a JVM crash. */
class CheckpointErrorsTest {
    @TempDir
    static Path root;
    static Path good;

    @BeforeAll
    static void saveGood() {
        good = root.resolve("good");
        try (TinyVlm m = TestModels.model(1)) {
            m.save(good);
        }
    }

    static Path copy(String name) throws IOException {
        Path dst = root.resolve(name);
        Files.createDirectories(dst);
        try (Stream<Path> s = Files.list(good)) {
            for (Path p : s.toList()) {
                Files.copy(p, dst.resolve(p.getFileName()));
            }
        }
        return dst;
    }

    static void assertLoadFails(Path dir, String file, String... words) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> ModelLoader.load(dir).close());
        String msg = e.getMessage();
        assertTrue(msg.contains(file), "message names " + file + ": " + msg);
        for (String w : words) {
            assertTrue(msg.contains(w), "message says '" + w + "': " + msg);
        }
    }

    @Test
    void truncatedWeights() throws IOException {
        Path dir = copy("truncated");
        Path f = dir.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertLoadFails(dir, "model.safetensors", "truncated");
    }

    @Test
    void garbageWeights() throws IOException {
        Path dir = copy("garbage");
        Files.write(dir.resolve("model.safetensors"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        assertLoadFails(dir, "model.safetensors", "corrupt header");
        Files.write(dir.resolve("model.safetensors"), new byte[] {3});
        assertLoadFails(dir, "model.safetensors", "truncated");
    }

    @Test
    void corruptHeaderJson() throws IOException {
        Path dir = copy("badjson");
        byte[] header = "{\"a\": [1, 2".getBytes();
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length).put(header);
        Files.write(dir.resolve("model.safetensors"), buf.array());
        assertLoadFails(dir, "model.safetensors", "not valid JSON");
    }

    @Test
    void missingConfig() throws IOException {
        Path dir = copy("noconfig");
        Files.delete(dir.resolve("config.json"));
        assertLoadFails(dir, "config.json", "missing");
    }

    @Test
    void configWithWrongShapes() throws IOException {
        Path dir = copy("wrongshape");
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"hidden_size\" : 32", "\"hidden_size\" : 48"));
        assertLoadFails(dir, "model.safetensors", "shape", "config.json implies");
    }

    @Test
    void configWithImpossibleSizesAndUnknownField() throws IOException {
        Path dir = copy("badsizes");
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("\"num_heads\" : 4", "\"num_heads\" : 5"));
        assertLoadFails(dir, "config.json", "num_heads");
        Files.writeString(cfg, Files.readString(cfg).replace("\"num_heads\" : 5", "\"num_heads\" : 4, \"colour\": 1"));
        assertLoadFails(dir, "config.json", "colour");
    }

    @Test
    void missingFolderAndUnknownArchitecture() throws IOException {
        assertLoadFails(root.resolve("nowhere"), "nowhere", "not a folder");
        Path dir = copy("arch");
        Path cfg = dir.resolve("config.json");
        Files.writeString(cfg, Files.readString(cfg).replace("tessera-tiny-vlm", "qwen9-vl"));
        assertLoadFails(dir, "config.json", "qwen9-vl", "not supported");
    }

    @Test
    void bf16AndF16TensorsAreWidenedNotFatal(@TempDir Path dir) throws IOException {
        // a hand-written file with a BF16 and an F16 tensor: DJL would abort the JVM on bf16
        Map<String, String> hdr = new LinkedHashMap<>();
        String header = "{\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                + "\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[4,8]}}";
        ByteBuffer buf = ByteBuffer.allocate(8 + header.length() + 8).order(ByteOrder.LITTLE_ENDIAN);
        buf.putLong(header.length()).put(header.getBytes());
        buf.putShort((short) (Float.floatToIntBits(1.5f) >>> 16)).putShort((short) (Float.floatToIntBits(-2f) >>> 16));
        buf.putShort((short) 0x3C00).putShort((short) 0xC000); // 1.0 and -2.0 in binary16
        Path f = dir.resolve("x.safetensors");
        Files.write(f, buf.array());
        Map<String, HostTensor> t = Safetensors.read(f);
        assertArrayEquals(new float[] {1.5f, -2f}, t.get("b").data());
        assertArrayEquals(new float[] {1f, -2f}, t.get("h").data());
        hdr.clear();
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
        }
    }
}
