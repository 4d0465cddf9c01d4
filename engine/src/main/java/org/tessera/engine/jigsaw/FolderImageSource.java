package org.tessera.engine.jigsaw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Images from a folder (recursively): the user's PNG/JPEG files or the shipped samples in {@code assets/images}.
 * Every file is read once up front, so each unusable file is reported with its reason before any puzzle is made.
 *
 * <p>Split: a file is a test image when a stable hash of its relative path falls in the lowest
 * {@value #TEST_PERCENT}% (so adding files never moves an existing file to the other split); if that leaves a
 * split empty and there are at least two images, the file with the lowest (resp. highest) hash is moved.
 */
public final class FolderImageSource implements ImageSource {
    public static final int TEST_PERCENT = 20;

    private final Path folder;
    private final List<SourceImage> train = new ArrayList<>();
    private final List<SourceImage> test = new ArrayList<>();
    private final List<SkippedFile> skipped = new ArrayList<>();

    public FolderImageSource(Path folder, Grid grid, int size) {
        this.folder = folder;
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException("image folder " + folder + ": not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("image folder " + folder + ": cannot list files", e);
        }
        List<SourceImage> good = new ArrayList<>();
        for (Path f : files) {
            String rel = folder.relativize(f).toString().replace('\\', '/');
            if (rel.equals("README.md")) {
                continue; // the assets folder documents itself; that is not a skipped image
            }
            ImageFiles.Loaded loaded = ImageFiles.load(f, grid, size);
            if (loaded.ok()) {
                good.add(new SourceImage(rel, loaded.image()));
            } else {
                skipped.add(new SkippedFile(rel, loaded.reason()));
            }
        }
        good.sort((a, b) -> Long.compareUnsigned(hash(a.id()), hash(b.id())));
        for (SourceImage img : good) {
            (Long.remainderUnsigned(hash(img.id()), 100) < TEST_PERCENT ? test : train).add(img);
        }
        if (good.size() >= 2 && test.isEmpty()) {
            test.add(train.remove(0));
        } else if (good.size() >= 2 && train.isEmpty()) {
            train.add(test.remove(test.size() - 1));
        }
    }

    /** FNV-1a 64 of the UTF-8 path: stable across JVMs and runs, unlike String.hashCode's weak low bits. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        return h;
    }

    public List<SourceImage> images(Split split) {
        return Collections.unmodifiableList(split == Split.TEST ? test : train);
    }

    @Override
    public String describe() {
        return "folder " + folder + " (" + train.size() + " train, " + test.size() + " test images, "
                + skipped.size() + " skipped)";
    }

    @Override
    public SourceImage pick(SplittableRandom rng, Split split) {
        List<SourceImage> pool = split == Split.TEST ? test : train;
        if (pool.isEmpty()) {
            throw new IllegalStateException("image folder " + folder + " has no usable " + split.id()
                    + " images (" + (train.size() + test.size()) + " usable in all, " + skipped.size()
                    + " skipped; a folder needs at least 2 good images to have both splits)");
        }
        SourceImage s = pool.get(rng.nextInt(pool.size()));
        return new SourceImage(s.id(), Images.copy(s.image()));
    }

    @Override
    public List<SkippedFile> skipped() {
        return Collections.unmodifiableList(skipped);
    }
}
