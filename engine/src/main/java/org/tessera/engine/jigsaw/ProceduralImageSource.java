package org.tessera.engine.jigsaw;

import java.util.SplittableRandom;

/**
 * An endless supply of painted images: {@code procedural} draws the live styles of {@link ProceduralArt} (only
 * edges tell where a tile belongs), {@code scenery} draws {@link SceneryArt} (sky up, sun on the left, as in
 * photographs). The split is encoded in the lowest bit of the image seed (train even, test odd), so no image
 * seed, and hence no image, is in both splits.
 */
public final class ProceduralImageSource implements ImageSource {
    private final int size;
    private final boolean scenery;

    public ProceduralImageSource(int size) {
        this(size, false);
    }

    public ProceduralImageSource(int size, boolean scenery) {
        this.size = size;
        this.scenery = scenery;
    }

    @Override
    public String describe() {
        return scenery ? PuzzleSpec.SCENERY : PuzzleSpec.PROCEDURAL;
    }

    @Override
    public SourceImage pick(SplittableRandom rng, Split split) {
        if (scenery) {
            long imageSeed = imageSeed(rng, split);
            return new SourceImage("scenery/" + Long.toHexString(imageSeed), SceneryArt.paint(imageSeed, size));
        }
        ProceduralArt.Style style = ProceduralArt.Style.LIVE[rng.nextInt(ProceduralArt.Style.LIVE.length)];
        long imageSeed = imageSeed(rng, split);
        String id = "procedural/" + style.id() + "/" + Long.toHexString(imageSeed);
        return new SourceImage(id, ProceduralArt.paint(style, imageSeed, size));
    }

    private static long imageSeed(SplittableRandom rng, Split split) {
        return (rng.nextLong() & ~1L) | (split == Split.TEST ? 1L : 0L);
    }
}
