package org.tessera.engine.model;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tessera.engine.io.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes model weights as a Hugging Face folder does: {@code model.safetensors}, or, above {@code maxShardBytes},
 * shards {@code model-0000i-of-0000n.safetensors} with {@code model.safetensors.index.json}. Tensors are produced
 * one at a time by {@code source} and streamed to disk, so a 15 GB fp32 model is written without 15 GB of heap.
 * F32 or BF16 (rounded to nearest even) on disk. Each file is written to a temporary name and renamed.
 */
public final class HfWeightWriter {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;

    private HfWeightWriter() {
    }

    public static void write(Path dir, Map<String, long[]> shapes, Function<String, float[]> source, String dtype,
                             long maxShardBytes) throws IOException {
        if (!dtype.equals("F32") && !dtype.equals("BF16")) {
            throw new IllegalArgumentException("dtype must be F32 or BF16, not " + dtype);
        }
        int width = dtype.equals("F32") ? 4 : 2;
        List<Map<String, long[]>> shards = new ArrayList<>();
        Map<String, long[]> current = new LinkedHashMap<>();
        long bytes = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            long size = count(e.getValue()) * width;
            if (!current.isEmpty() && bytes + size > maxShardBytes) {
                shards.add(current);
                current = new LinkedHashMap<>();
                bytes = 0;
            }
            current.put(e.getKey(), e.getValue());
            bytes += size;
        }
        shards.add(current);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(HfWeightFiles.INDEX));
        if (shards.size() == 1) {
            writeFile(dir.resolve(HfWeightFiles.SINGLE), shards.get(0), source, dtype);
            return;
        }
        ObjectNode index = JSON.createObjectNode();
        long total = 0;
        ObjectNode weightMap = JSON.createObjectNode();
        for (int i = 0; i < shards.size(); i++) {
            String name = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
            total += writeFile(dir.resolve(name), shards.get(i), source, dtype);
            for (String t : shards.get(i).keySet()) {
                weightMap.put(t, name);
            }
        }
        index.putObject("metadata").put("total_size", total);
        index.set("weight_map", weightMap);
        AtomicFiles.write(dir.resolve(HfWeightFiles.INDEX),
                JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(index));
    }

    private static long writeFile(Path file, Map<String, long[]> shapes, Function<String, float[]> source,
                                  String dtype) throws IOException {
        int width = dtype.equals("F32") ? 4 : 2;
        ObjectNode header = JSON.createObjectNode();
        header.putObject("__metadata__").put("format", "pt");
        long offset = 0;
        for (Map.Entry<String, long[]> e : shapes.entrySet()) {
            ObjectNode t = header.putObject(e.getKey());
            t.put("dtype", dtype);
            var shape = t.putArray("shape");
            for (long d : e.getValue()) {
                shape.add(d);
            }
            long n = count(e.getValue()) * width;
            t.putArray("data_offsets").add(offset).add(offset + n);
            offset += n;
        }
        byte[] headerBytes = JSON.writeValueAsBytes(header);
        int padded = (headerBytes.length + 7) / 8 * 8; // the data section starts 8-byte aligned
        long dataBytes = offset;
        AtomicFiles.write(file, tmp -> {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(padded).put(headerBytes);
                while (head.hasRemaining()) {
                    head.put((byte) ' ');
                }
                writeAll(ch, head.flip());
                ByteBuffer buf = ByteBuffer.allocateDirect(1 << 22).order(ByteOrder.LITTLE_ENDIAN);
                for (Map.Entry<String, long[]> e : shapes.entrySet()) {
                    float[] data = source.apply(e.getKey());
                    if (data.length != count(e.getValue())) {
                        throw new IllegalStateException("tensor " + e.getKey() + ": " + data.length
                                + " values for shape " + java.util.Arrays.toString(e.getValue()));
                    }
                    for (float v : data) {
                        if (buf.remaining() < 4) {
                            writeAll(ch, buf.flip());
                            buf.clear();
                        }
                        if (width == 4) {
                            buf.putFloat(v);
                        } else {
                            buf.putShort(toBf16(v));
                        }
                    }
                }
                writeAll(ch, buf.flip());
            }
        });
        return dataBytes;
    }

    /** float32 to bfloat16 bits, rounding to nearest even (NaN stays NaN). */
    public static short toBf16(float v) {
        int bits = Float.floatToRawIntBits(v);
        if (Float.isNaN(v)) {
            return (short) ((bits >>> 16) | 0x40);
        }
        int rounding = 0x7fff + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }

    private static void writeAll(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    static long count(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }
}
