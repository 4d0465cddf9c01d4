package org.tessera.engine.gpu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gpu-setup's parts that need no compiler and no PyTorch: what the probe's answers mean, settings, errors. */
class GpuSetupTest {
    @TempDir
    Path tmp;

    /** What probe_torch.py printed for Debian's python3-torch (CPU) and for a pip CUDA wheel. */
    static final String DEBIAN = "{\"python\": \"/usr/bin/python3\", \"torch_version\": \"1.13.0a0\", "
            + "\"torch_dir\": \"/usr/lib/python3/dist-packages/torch\", \"cuda_version\": null, \"cxx11_abi\": true, "
            + "\"cuda_available\": false, \"device_name\": null, \"include_dirs\": [], \"library_dirs\": [], \"cudart\": null}";
    static final String PIP_CUDA = "{\"python\": \"/usr/bin/python3\", \"torch_version\": \"2.11.0+cu130\", "
            + "\"torch_dir\": \"/x/torch\", \"cuda_version\": \"13.0\", \"cxx11_abi\": true, \"cuda_available\": true, "
            + "\"device_name\": \"NVIDIA H200\", \"include_dirs\": [], \"library_dirs\": [], "
            + "\"cudart\": \"/x/nvidia/cu13/lib/libcudart.so.13\"}";

    @Test
    void readsDjlsVersionAndFlavourFromWhatPythonSays() {
        PyTorchInstall debian = PyTorchProbe.parse("python3", "some warning\n" + DEBIAN);
        assertEquals("1.13.0", debian.release());
        assertEquals("cpu", debian.flavor());
        assertFalse(debian.isCuda());
        assertTrue(debian.needsV113Switch(), "libtorch 1.13 needs DJL's V1_13_X switch");
        PyTorchInstall pip = PyTorchProbe.parse("python3", PIP_CUDA);
        assertEquals("2.11.0", pip.release());
        assertEquals("cu130", pip.flavor());
        assertFalse(pip.needsV113Switch());
        assertEquals(Path.of("/x/nvidia/cu13/lib/libcudart.so.13"), pip.cudart());
    }

    @Test
    void noTorchInThatPythonSaysWhatToDo() {
        GpuSetupException e = assertThrows(GpuSetupException.class, () -> PyTorchProbe.parse("python3",
                "{\"python\": \"python3\", \"error\": \"cannot import torch: No module named 'torch'\"}"));
        assertTrue(e.getMessage().contains("no PyTorch"), e.getMessage());
        assertTrue(e.remedy().contains("--python"), e.remedy());
    }

    @Test
    void aPythonThatDoesNotExistSaysWhatToDo() {
        GpuSetupException e = assertThrows(GpuSetupException.class,
                () -> PyTorchProbe.probe(tmp.resolve("no-such-python").toString()));
        assertTrue(e.getMessage().contains("cannot run Python"), e.getMessage());
    }

    @Test
    void aFolderThatIsNotDjlsSourceIsNamed() {
        GpuSetupException e = assertThrows(GpuSetupException.class, () -> JniSources.in(tmp));
        assertTrue(e.getMessage().contains(JniSources.NATIVE), e.getMessage());
        assertTrue(e.remedy().contains("v" + JniSources.djlVersion()), e.remedy());
    }

    @Test
    void readsTheVersionASourceTreeDeclares() throws IOException {
        Files.createDirectories(tmp.resolve(JniSources.NATIVE));
        Files.createDirectories(tmp.resolve(JniSources.UTILS).resolve("djl"));
        Files.writeString(tmp.resolve(JniSources.UTILS).resolve("djl/utils.h"), "");
        Files.createDirectories(tmp.resolve("gradle"));
        Files.writeString(tmp.resolve(JniSources.VERSIONS), "[versions]\njava = \"11\"\ndjl = \"0.35.0\"\n");
        assertEquals("0.35.0", JniSources.in(tmp).declaredVersion());
    }

    @Test
    void settingsSurviveAWriteAndRead() throws IOException {
        GpuSettings s = new GpuSettings(tmp.resolve("lib"), "2.11.0", "cu130", tmp.resolve("cudart"),
                tmp.resolve("jni.so"), "2.11.0+cu130", "/usr/bin/python3");
        Path file = tmp.resolve("gpu.properties");
        s.write(file);
        assertEquals(s, GpuSettings.read(file));
        assertTrue(Files.readString(file).contains("PYTORCH_LIBRARY_PATH="), "DJL's own names");
    }

    @Test
    void settingsThatPointAtNothingAreNotUsed() throws IOException {
        GpuSettings s = new GpuSettings(tmp.resolve("gone"), "2.11.0", "cu130", null, tmp.resolve("jni.so"),
                "2.11.0+cu130", "python3");
        assertTrue(s.problem().contains("no libtorch.so"), s.problem());
        Files.createDirectories(tmp.resolve("gone"));
        Files.writeString(tmp.resolve("gone/libtorch.so"), "");
        assertTrue(s.problem().contains("JNI library"), s.problem());
        Files.writeString(tmp.resolve("jni.so"), "");
        assertNull(s.problem());
    }

    @Test
    void aBrokenSettingsFileNamesTheMissingField() throws IOException {
        Path file = tmp.resolve("gpu.properties");
        Files.writeString(file, "PYTORCH_LIBRARY_PATH=/x\nPYTORCH_VERSION=2.11.0\n");
        IOException e = assertThrows(IOException.class, () -> GpuSettings.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("PYTORCH_FLAVOR"),
                e.getMessage());
    }

    @Test
    void installsWhereDjlLooksForAJniOfThatVersionAndFlavour() {
        Path p = GpuSetup.installPath(PyTorchProbe.parse("python3", PIP_CUDA));
        assertEquals("2.11.0-cu130-linux-x86_64", p.getParent().getFileName().toString());
        assertEquals(JniSources.djlVersion() + "-libdjl_torch.so", p.getFileName().toString());
    }
}
