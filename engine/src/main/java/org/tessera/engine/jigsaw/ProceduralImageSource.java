package org.tessera.engine.jigsaw;

import java.util.SplittableRandom;

/**
 * An endless supply of procedural images (the live styles of {@link ProceduralArt}). The split is encoded in the
 * lowest bit of the image seed (train even, test odd), so no image seed, and hence no image, is in both splits.
 */
public final class ProceduralImageSource implements ImageSource {
    private final int size;

    public ProceduralImageSource(int size) {
        this.size = size;
    }

    @Override
    public String describe() {
        return "procedural";
    }

    @Override
    public SourceImage pick(SplittableRandom rng, Split split) {
        ProceduralArt.Style style = ProceduralArt.Style.LIVE[rng.nextInt(ProceduralArt.Style.LIVE.length)];
        long imageSeed = (rng.nextLong() & ~1L) | (split == Split.TEST ? 1L : 0L);
        String id = "procedural/" + style.id() + "/" + Long.toHexString(imageSeed);
        return new SourceImage(id, ProceduralArt.paint(style, imageSeed, size));
    }
}
