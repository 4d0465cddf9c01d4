package org.tessera.engine.world;

import java.nio.charset.StandardCharsets;

/**
 * Train / held-out assignment by content, not by seed: a scene (or a text-only question's operands) belongs to the
 * held-out split when a stable hash of its content key falls in 1 of 8 buckets. So however the two streams are
 * seeded, no picture used for pretraining ever appears in the retained-knowledge suite.
 */
public enum Split {
    TRAIN,
    HELD_OUT;

    private static final int BUCKETS = 8;

    public boolean contains(Scene scene) {
        return containsKey(scene.contentKey());
    }

    public boolean containsKey(String contentKey) {
        return of(contentKey) == this;
    }

    public static Split of(String contentKey) {
        return Long.remainderUnsigned(fnv1a(contentKey), BUCKETS) == 0 ? HELD_OUT : TRAIN;
    }

    /** FNV-1a 64 with a final avalanche: fixed forever, unlike String.hashCode's weak low bits. */
    static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
