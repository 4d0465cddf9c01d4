package org.tessera.engine.gpu;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Asks a Python interpreter about its PyTorch (a read-only script, {@code probe_torch.py}). */
public final class PyTorchProbe {
    private PyTorchProbe() {
    }

    public static PyTorchInstall probe(String python) {
        String script;
        try (InputStream in = PyTorchProbe.class.getResourceAsStream("probe_torch.py")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new GpuSetupException("the PyTorch probe script is missing from Tessera's jar", "rebuild Tessera");
        }
        String out;
        try {
            Process p = new ProcessBuilder(python, "-c", script).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] stdout = p.getInputStream().readAllBytes();
            byte[] stderr = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new GpuSetupException("'" + python + "' failed to run the PyTorch probe: "
                        + new String(stderr, StandardCharsets.UTF_8).strip(),
                        "give the Python that has PyTorch with --python PATH");
            }
            out = new String(stdout, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new GpuSetupException("cannot run Python '" + python + "': " + e.getMessage(),
                    "install Python 3 with PyTorch, or give its interpreter with --python PATH");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpuSetupException("interrupted while asking Python about PyTorch", "run gpu-setup again");
        }
        return parse(python, out);
    }

    static PyTorchInstall parse(String python, String json) {
        JsonNode n;
        try {
            n = TesseraJson.MAPPER.readTree(json.substring(json.lastIndexOf("\n{") + 1));
        } catch (IOException | StringIndexOutOfBoundsException e) {
            throw new GpuSetupException("the PyTorch probe printed no JSON: " + json, "check '" + python + "'");
        }
        if (n.hasNonNull("error")) {
            throw new GpuSetupException("no PyTorch in '" + python + "' (" + n.get("error").asText() + ")",
                    "install PyTorch there (pip install torch), or give the Python that has it with --python PATH");
        }
        return new PyTorchInstall(n.path("python").asText(python), n.path("torch_version").asText(),
                Path.of(n.path("torch_dir").asText()), text(n, "cuda_version"), n.path("cxx11_abi").asBoolean(true),
                n.path("cuda_available").asBoolean(false), text(n, "device_name"), paths(n.path("include_dirs")),
                paths(n.path("library_dirs")), text(n, "cudart") == null ? null : Path.of(text(n, "cudart")));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static List<Path> paths(JsonNode arr) {
        List<Path> out = new ArrayList<>();
        arr.forEach(x -> out.add(Path.of(x.asText())));
        return out.stream().filter(Files::isDirectory).toList();
    }
}
