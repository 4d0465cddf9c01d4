package org.tessera.engine.model;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One safetensors file opened for reading tensor by tensor, memory-mapped: a Hugging Face shard is often larger
 * than 2 GiB (the limit of a Java array and of DJL's own reader) and is never read into the heap as a whole. Only
 * the tensor asked for is mapped (in chunks under 1 GiB) and converted: F32 as is, F16 and BF16 widened to F32 in
 * Java (bf16: bits << 16), because DJL aborts the JVM on any bfloat16 tensor. I64/I32 tensors (reference data) are
 * read as longs. The header is checked when the file is opened, so a truncated shard fails at once with the file
 * and tensor named.
 */
public final class MappedSafetensors implements AutoCloseable {
    private static final ObjectMapper JSON = TesseraJson.MAPPER;
    private static final long MAX_HEADER = 100L * 1024 * 1024;
    private static final long CHUNK = 1L << 30;

    /** Where one tensor lies in the file. */
    public record Entry(String name, String dtype, long[] shape, long begin, long end) {
        public long count() {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            return n;
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;

    private MappedSafetensors(Path file, FileChannel channel, long dataStart, Map<String, Entry> entries) {
        this.file = file;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
    }

    public static MappedSafetensors open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "missing: the weights file does not exist");
        }
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            long size = ch.size();
            if (size < 8) {
                throw new ModelLoadException(file, "truncated: " + size + " bytes, shorter than the 8-byte header length");
            }
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long headerLen = lenBuf.flip().getLong();
            if (headerLen <= 0 || headerLen > MAX_HEADER || 8 + headerLen > size) {
                throw new ModelLoadException(file, "corrupt header: declared header length " + headerLen
                        + " does not fit a file of " + size + " bytes");
            }
            ByteBuffer headerBuf = ByteBuffer.allocate((int) headerLen);
            readFully(ch, headerBuf, 8);
            JsonNode header;
            try {
                header = JSON.readTree(new String(headerBuf.array(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new ModelLoadException(file, "corrupt header: not valid JSON (" + e.getMessage() + ")", e);
            }
            if (header == null || !header.isObject()) {
                throw new ModelLoadException(file, "corrupt header: not a JSON object");
            }
            long dataStart = 8 + headerLen;
            long dataLen = size - dataStart;
            Map<String, Entry> entries = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = header.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("__metadata__")) {
                    entries.put(e.getKey(), entry(file, e.getKey(), e.getValue(), dataLen));
                }
            }
            return new MappedSafetensors(file, ch, dataStart, Collections.unmodifiableMap(entries));
        } catch (IOException e) {
            closeQuietly(ch);
            throw new ModelLoadException(file, "cannot read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static Entry entry(Path file, String name, JsonNode info, long dataLen) {
        String dtype = info.path("dtype").asText("");
        JsonNode shapeNode = info.path("shape");
        JsonNode offs = info.path("data_offsets");
        if (!shapeNode.isArray() || !offs.isArray() || offs.size() != 2) {
            throw new ModelLoadException(file, "tensor '" + name + "': header entry lacks shape or data_offsets");
        }
        long[] shape = new long[shapeNode.size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong(-1);
            if (shape[i] < 0) {
                throw new ModelLoadException(file, "tensor '" + name + "': bad shape " + shapeNode);
            }
            count *= shape[i];
        }
        int width = width(file, name, dtype);
        long begin = offs.get(0).asLong(-1);
        long end = offs.get(1).asLong(-1);
        if (begin < 0 || end < begin || end > dataLen) {
            throw new ModelLoadException(file, "truncated or corrupt: tensor '" + name + "' spans bytes " + begin
                    + ".." + end + " of the data section, but the file holds only " + dataLen + " data bytes");
        }
        if (end - begin != count * width) {
            throw new ModelLoadException(file, "corrupt: tensor '" + name + "' of shape " + shapeNode + " and dtype "
                    + dtype + " needs " + count * width + " bytes, header gives " + (end - begin));
        }
        return new Entry(name, dtype, shape, begin, end);
    }

    private static int width(Path file, String name, String dtype) {
        return switch (dtype) {
            case "F32", "I32" -> 4;
            case "F16", "BF16" -> 2;
            case "I64" -> 8;
            default -> throw new ModelLoadException(file, "tensor '" + name + "': dtype '" + dtype
                    + "' is not supported (F32, F16, BF16, I64, I32 are)");
        };
    }

    public Path file() {
        return file;
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    public Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new ModelLoadException(file, "tensor '" + name + "' is not in this file");
        }
        return e;
    }

    /** The tensor as float32 (F16/BF16 widened); a float array holds at most 2^31 - 1 values. */
    public HostTensor readFloat(String name) {
        Entry e = entry(name);
        if (e.dtype.startsWith("I")) {
            long[] v = readLong(name);
            float[] f = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                f[i] = v[i];
            }
            return new HostTensor(e.shape, f);
        }
        if (e.count() > Integer.MAX_VALUE - 8) {
            throw new ModelLoadException(file, "tensor '" + name + "' has " + e.count()
                    + " values, more than one Java array holds");
        }
        float[] out = new float[(int) e.count()];
        int k = 0;
        try {
            for (long pos = e.begin; pos < e.end; pos += CHUNK) {
                long len = Math.min(CHUNK, e.end - pos);
                MappedByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + pos, len);
                buf.order(ByteOrder.LITTLE_ENDIAN);
                switch (e.dtype) {
                    case "F32" -> {
                        int n = (int) (len / 4);
                        buf.asFloatBuffer().get(out, k, n);
                        k += n;
                    }
                    case "BF16" -> {
                        int n = (int) (len / 2);
                        for (int i = 0; i < n; i++) {
                            out[k++] = Float.intBitsToFloat((buf.getShort() & 0xffff) << 16);
                        }
                    }
                    default -> {
                        int n = (int) (len / 2);
                        for (int i = 0; i < n; i++) {
                            out[k++] = Safetensors.halfToFloat(buf.getShort());
                        }
                    }
                }
            }
        } catch (IOException ex) {
            throw new ModelLoadException(file, "cannot read tensor '" + name + "': " + ex.getMessage(), ex);
        }
        return new HostTensor(e.shape, out);
    }

    /**
     * Values {@code [from, from + count)} of a float tensor (row-major), as float32: how a tensor larger than
     * any Java array, or just large, is copied into native memory piece by piece.
     */
    public float[] readFloatRange(String name, long from, int count) {
        float[] out = new float[count];
        readFloatRange(name, from, count, java.nio.FloatBuffer.wrap(out));
        return out;
    }

    /** As above, written into {@code out} from its position on (e.g. a direct buffer reused for every piece). */
    public void readFloatRange(String name, long from, int count, java.nio.FloatBuffer out) {
        Entry e = entry(name);
        if (e.dtype.startsWith("I")) {
            throw new ModelLoadException(file, "tensor '" + name + "' is " + e.dtype + ", not a float tensor");
        }
        if (from < 0 || from + count > e.count()) {
            throw new IllegalArgumentException("range " + from + "+" + count + " outside tensor " + name);
        }
        int width = e.dtype.equals("F32") ? 4 : 2;
        try {
            MappedByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin + from * width,
                    (long) count * width);
            buf.order(ByteOrder.LITTLE_ENDIAN);
            switch (e.dtype) {
                case "F32" -> out.put(buf.asFloatBuffer());
                case "BF16" -> {
                    for (int i = 0; i < count; i++) {
                        out.put(Float.intBitsToFloat((buf.getShort() & 0xffff) << 16));
                    }
                }
                default -> {
                    for (int i = 0; i < count; i++) {
                        out.put(Safetensors.halfToFloat(buf.getShort()));
                    }
                }
            }
        } catch (IOException ex) {
            throw new ModelLoadException(file, "cannot read tensor '" + name + "': " + ex.getMessage(), ex);
        }
    }

    /** An integer tensor (I64 or I32) as longs. */
    public long[] readLong(String name) {
        Entry e = entry(name);
        if (!e.dtype.equals("I64") && !e.dtype.equals("I32")) {
            throw new ModelLoadException(file, "tensor '" + name + "' is " + e.dtype + ", not an integer tensor");
        }
        long[] out = new long[(int) e.count()];
        try {
            MappedByteBuffer buf = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + e.begin, e.end - e.begin);
            buf.order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < out.length; i++) {
                out[i] = e.dtype.equals("I64") ? buf.getLong() : buf.getInt();
            }
        } catch (IOException ex) {
            throw new ModelLoadException(file, "cannot read tensor '" + name + "': " + ex.getMessage(), ex);
        }
        return out;
    }

    @Override
    public String toString() {
        return file + " " + Arrays.toString(entries.keySet().toArray());
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing a read-only channel: nothing to recover
            }
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file at byte " + pos);
            }
            pos += n;
        }
    }
}
