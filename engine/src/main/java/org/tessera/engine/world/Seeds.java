package org.tessera.engine.world;

/** Derives independent seeds from a base seed and labels, so that each stream depends only on its own label. */
final class Seeds {
    private Seeds() {
    }

    static long mix(long seed, Object... labels) {
        StringBuilder sb = new StringBuilder(Long.toString(seed));
        for (Object l : labels) {
            sb.append('/').append(l);
        }
        return Split.fnv1a(sb.toString());
    }
}
