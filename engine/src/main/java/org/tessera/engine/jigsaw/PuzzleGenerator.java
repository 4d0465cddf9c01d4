package org.tessera.engine.jigsaw;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes puzzles from (spec, seed). Puzzle {@code i} uses its own random stream derived from (seed, i), so it does
 * not depend on how many puzzles are generated or in which order: any single puzzle can be regenerated from its id.
 */
public final class PuzzleGenerator {
    private final PuzzleSpec spec;
    private final ImageSource source;

    public PuzzleGenerator(PuzzleSpec spec) {
        this(spec, sourceFor(spec));
    }

    public PuzzleGenerator(PuzzleSpec spec, ImageSource source) {
        this.spec = spec;
        this.source = source;
    }

    /** The image source named by {@code spec.source()}: procedural, scenery, assets, or a folder path. */
    public static ImageSource sourceFor(PuzzleSpec spec) {
        String s = spec.source().trim();
        if (s.equals(PuzzleSpec.PROCEDURAL)) {
            return new ProceduralImageSource(spec.imageSize());
        }
        if (s.equals(PuzzleSpec.SCENERY)) {
            return new ProceduralImageSource(spec.imageSize(), true);
        }
        Path folder = s.equals(PuzzleSpec.ASSETS) ? assetsFolder() : Path.of(s);
        return new FolderImageSource(folder, spec.grid(), spec.imageSize());
    }

    /**
     * The shipped samples: {@code -Dtessera.assets=DIR}, else {@code assets/images} in the working directory or
     * one of its parents (so it works from the repository root and from a module folder).
     */
    public static Path assetsFolder() {
        String prop = System.getProperty("tessera.assets");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("assets").resolve("images");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("source 'assets': no assets/images folder in " + Path.of("").toAbsolutePath()
                + " or its parents (set -Dtessera.assets=DIR)");
    }

    public PuzzleSpec spec() {
        return spec;
    }

    public ImageSource source() {
        return source;
    }

    /** Puzzle {@code index} of the set with this seed. */
    public Puzzle puzzle(long seed, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("puzzle index must be >= 0, got " + index);
        }
        SplittableRandom rng = new SplittableRandom(mix(seed, index));
        ImageSource.SourceImage img = source.pick(rng, spec.split());
        Permutation perm = Permutation.random(spec.grid().cells(), rng, spec.allowIdentity());
        return new Puzzle(Puzzle.idOf(seed, index), spec, seed, index, img.id(), img.image(), perm);
    }

    /** Puzzles 0..n-1 of the set with this seed. */
    public List<Puzzle> generate(long seed, int n) {
        List<Puzzle> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(puzzle(seed, i));
        }
        return out;
    }

    /** Regenerates the puzzle named by an id {@code p-<seed>-<index>} under this generator's spec. */
    public Puzzle puzzle(String id) {
        String[] parts = id == null ? new String[0] : id.split("-");
        try {
            if (parts.length == 3 && parts[0].equals("p")) {
                return puzzle(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            }
            if (parts.length == 4 && parts[0].equals("p") && parts[1].isEmpty()) { // negative seed: p--5-3
                return puzzle(-Long.parseLong(parts[2]), Integer.parseInt(parts[3]));
            }
        } catch (NumberFormatException ignored) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("puzzle id '" + id + "': expected p-<seed>-<index>");
    }

    /** SplitMix64 finaliser of (seed, index): well-separated streams for neighbouring indices. */
    static long mix(long seed, int index) {
        long z = seed * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
