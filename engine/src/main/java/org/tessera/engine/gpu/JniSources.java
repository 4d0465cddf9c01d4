package org.tessera.engine.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * DJL's C++ sources of its PyTorch JNI library: the folder {@code engines/pytorch/pytorch-native/src/main/native}
 * and the header folder {@code api/src/main/native} of a DJL source tree. Either the user names a tree they have
 * ({@code --djl-source DIR}: a checkout or an unpacked release archive) or {@code gpu-setup} downloads the release
 * archive of the DJL version on Tessera's class path from GitHub: the only download Tessera ever makes, and only
 * inside that command, which the user runs.
 */
public record JniSources(Path root, Path nativeDir, Path utilsDir) {
    static final String NATIVE = "engines/pytorch/pytorch-native/src/main/native";
    static final String UTILS = "api/src/main/native";
    static final String VERSIONS = "gradle/libs.versions.toml";

    /** The sources under {@code root}, or an exception saying which part is missing. */
    public static JniSources in(Path root) {
        Path nativeDir = root.resolve(NATIVE);
        Path utils = root.resolve(UTILS);
        if (!Files.isDirectory(nativeDir)) {
            throw new GpuSetupException(root + " is not a DJL source tree: it has no " + NATIVE,
                    "give the root of DJL's sources (a checkout of github.com/deepjavalibrary/djl at the tag v"
                            + djlVersion() + ", or its unpacked release archive)");
        }
        if (!Files.isRegularFile(utils.resolve("djl/utils.h"))) {
            throw new GpuSetupException(root + " lacks " + UTILS + "/djl/utils.h", "give a complete DJL source tree");
        }
        return new JniSources(root, nativeDir, utils);
    }

    /** The DJL version the JVM runs (the JNI must be built from the same version's sources). */
    public static String djlVersion() {
        return ai.djl.engine.Engine.getDjlVersion();
    }

    /** The version the source tree says it is ({@code djl = "x.y.z"} in gradle/libs.versions.toml), or null. */
    public String declaredVersion() {
        Path toml = root.resolve(VERSIONS);
        if (!Files.isRegularFile(toml)) {
            return null;
        }
        try (Stream<String> lines = Files.lines(toml)) {
            return lines.map(String::strip).filter(l -> l.matches("djl\\s*=\\s*\"[^\"]+\""))
                    .map(l -> l.substring(l.indexOf('"') + 1, l.lastIndexOf('"'))).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public List<Path> cppFiles() throws IOException {
        try (Stream<Path> s = Files.list(nativeDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".cc")).sorted().toList();
        }
    }

    public static String archiveUrl(String version) {
        return "https://github.com/deepjavalibrary/djl/archive/refs/tags/v" + version + ".tar.gz";
    }

    /** Downloads and unpacks the release archive of {@code version} into {@code into} (only the JNI's folders). */
    public static JniSources download(String version, Path into, java.util.function.Consumer<String> log) {
        String url = archiveUrl(version);
        try {
            Files.createDirectories(into);
            Path archive = into.resolve("djl-" + version + ".tar.gz");
            log.accept("downloading " + url);
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(30)).build();
            HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (r.statusCode() != 200) {
                throw new GpuSetupException("downloading " + url + " failed: HTTP " + r.statusCode(),
                        "download it yourself, unpack it and pass the folder with --djl-source DIR");
            }
            try (InputStream in = r.body()) {
                Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
            }
            String top = "djl-" + version;
            Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", into.toString(),
                    top + "/" + NATIVE, top + "/" + UTILS, top + "/" + VERSIONS)
                    .redirectErrorStream(true).start();
            String out = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new GpuSetupException("unpacking " + archive + " failed: " + out.strip(),
                        "unpack it yourself and pass the folder with --djl-source DIR");
            }
            return in(into.resolve(top));
        } catch (IOException e) {
            throw new GpuSetupException("cannot download DJL's sources from " + url + ": " + e,
                    "on a machine without network, fetch that archive elsewhere, unpack it and pass --djl-source DIR");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpuSetupException("interrupted while downloading " + url, "run gpu-setup again");
        }
    }
}
