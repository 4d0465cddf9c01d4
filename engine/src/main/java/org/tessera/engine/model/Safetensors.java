package org.tessera.engine.model;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tessera.engine.io.AtomicFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes the safetensors format (8-byte little-endian header length, JSON header, raw little-endian
 * data) in Java, without DJL: DJL aborts the JVM on bfloat16 tensors, and a truncated or corrupt file must give a
 * clear error rather than a native crash. F32 is read as is; F16 and BF16 are widened to F32 (bf16: bits << 16).
 * Writing goes to a temporary file renamed into place, so a crash never leaves a half-written checkpoint.
 */
public final class Safetensors {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    private Safetensors() {
    }

    /**
     * Every tensor of {@code file} as float32 (F16/BF16 widened). One reader serves every format user:
     * {@link MappedSafetensors} parses and checks the header; this reads each tensor whole into Java memory.
     */
    public static Map<String, HostTensor> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing: a checkpoint folder needs its model.safetensors");
        }
        try (MappedSafetensors st = MappedSafetensors.open(file)) {
            Map<String, HostTensor> out = new LinkedHashMap<>();
            for (String name : st.entries().keySet()) {
                out.put(name, st.readFloat(name));
            }
            return out;
        }
    }

    /** IEEE 754 binary16 to float (Float.float16ToFloat needs Java 20). */
    static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f; // subnormal
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** Writes F32 tensors in the given order, atomically (temp file + rename). */
    public static void write(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata)
            throws IOException {
        ObjectNode header = JSON.createObjectNode();
        ObjectNode meta = header.putObject("__metadata__");
        meta.put("format", "pt");
        metadata.forEach(meta::put);
        long offset = 0;
        for (Map.Entry<String, HostTensor> e : tensors.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", "F32");
            var shape = t.putArray("shape");
            for (long d : e.getValue().shape()) {
                shape.add(d);
            }
            long bytes = e.getValue().size() * 4;
            t.putArray("data_offsets").add(offset).add(offset + bytes);
            offset += bytes;
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        int padded = (headerBytes.length + 7) / 8 * 8; // the format aligns the data section to 8 bytes
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
                out.write(len.array());
                out.write(headerBytes);
                for (int i = headerBytes.length; i < padded; i++) {
                    out.write(' ');
                }
                for (HostTensor t : tensors.values()) {
                    ByteBuffer buf = ByteBuffer.allocate(t.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    FloatBuffer fb = buf.asFloatBuffer();
                    fb.put(t.data());
                    out.write(buf.array());
                }
            }
        });
    }
}
