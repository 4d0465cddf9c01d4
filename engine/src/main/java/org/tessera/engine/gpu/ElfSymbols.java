package org.tessera.engine.gpu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;

/**
 * The symbols a 64-bit little-endian ELF shared library defines in its dynamic symbol table (what {@code nm -D
 * --defined-only} lists): how {@code gpu-setup} checks that the JNI library it built exports every native method
 * DJL's Java side will call, before any JVM tries to call one and dies of a missing symbol.
 */
public final class ElfSymbols {
    private static final int SHT_DYNSYM = 11;
    private static final int SHN_UNDEF = 0;

    private ElfSymbols() {
    }

    public static Set<String> defined(Path library) throws IOException {
        try (FileChannel ch = FileChannel.open(library, StandardOpenOption.READ)) {
            ByteBuffer b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
            return defined(b, library);
        }
    }

    public static Set<String> defined(ByteBuffer b, Object where) throws IOException {
        b.order(ByteOrder.LITTLE_ENDIAN);
        if (b.limit() < 64 || b.getInt(0) != 0x464c457f) {
            throw new IOException(where + " is not an ELF file");
        }
        if (b.get(4) != 2 || b.get(5) != 1) {
            throw new IOException(where + " is not a 64-bit little-endian ELF file");
        }
        long shoff = b.getLong(0x28);
        int shentsize = Short.toUnsignedInt(b.getShort(0x3A));
        int shnum = Short.toUnsignedInt(b.getShort(0x3C));
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < shnum; i++) {
            int sh = Math.toIntExact(shoff + (long) i * shentsize);
            if (b.getInt(sh + 4) != SHT_DYNSYM) {
                continue;
            }
            int symOff = Math.toIntExact(b.getLong(sh + 0x18));
            long symSize = b.getLong(sh + 0x20);
            int link = b.getInt(sh + 0x28);
            long entSize = b.getLong(sh + 0x38);
            int strSh = Math.toIntExact(shoff + (long) link * shentsize);
            int strOff = Math.toIntExact(b.getLong(strSh + 0x18));
            for (long s = 0; s < symSize / entSize; s++) {
                int sym = Math.toIntExact(symOff + s * entSize);
                int name = b.getInt(sym);
                int shndx = Short.toUnsignedInt(b.getShort(sym + 6));
                if (name != 0 && shndx != SHN_UNDEF) {
                    out.add(cString(b, strOff + name));
                }
            }
        }
        return out;
    }

    private static String cString(ByteBuffer b, int at) {
        int end = at;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
