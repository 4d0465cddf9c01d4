package org.tessera.engine.gpu;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JniHeaderTest {

    /** DJL's own build of its JNI library (in the pytorch-jni jar) exports exactly the names our header declares. */
    @Test
    void declaresEveryNativeMethodUnderTheNameDjlsOwnBuildExports() throws Exception {
        Set<String> exported;
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("jnilib/linux-x86_64/cpu/libdjl_torch.so")) {
            assertNotNull(in, "DJL's pytorch-jni jar is on the test class path");
            exported = ElfSymbols.defined(ByteBuffer.wrap(in.readAllBytes()), "libdjl_torch.so").stream()
                    .filter(s -> s.startsWith("Java_ai_djl_pytorch_jni_PyTorchLibrary_"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> declared = JniHeader.functions(JniHeader.djlPyTorchLibrary()).stream()
                .map(JniHeader.NativeFunction::symbol).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(declared.size() > 200, "DJL 0.36 has 265 native methods, found " + declared.size());
        assertEquals(exported, declared);
    }

    @Test
    void headerHasCLinkageAndJniTypes() throws Exception {
        String h = JniHeader.header(JniHeader.djlPyTorchLibrary());
        assertTrue(h.contains("extern \"C\" {"), "C linkage");
        assertTrue(h.contains("JNIEXPORT jlong JNICALL Java_ai_djl_pytorch_jni_PyTorchLibrary_torchIndex\n"
                + "  (JNIEnv *, jobject, jlong, jlongArray, jlongArray, jlongArray);"), h.substring(0, 400));
    }

    @Test
    void manglesAsTheJniSpecificationSays() {
        assertEquals("a_1b", JniHeader.mangle("a_b"));
        assertEquals("ai_djl_X", JniHeader.mangle("ai/djl/X"));
        assertEquals("_3J_2", JniHeader.mangle("[J;"));
        assertEquals("_000e9", JniHeader.mangle("\u00e9"));
    }
}
