package org.tessera.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/** What both models' KV caches do to go from a prefill to the preallocated cache that decoding writes into. */
public final class KvCacheArrays {
    private KvCacheArrays() {
    }

    /**
     * A (rows * n, heads, capacity, head dim) array in {@code m} whose first columns hold {@code a}'s
     * (rows, heads, columns, head dim), each row repeated {@code n} times in place (row i's copies become rows
     * i*n .. i*n+n-1); the rest is zero, for the columns decoding will write.
     */
    public static NDArray expand(NDManager m, NDArray a, int n, int capacity) {
        NDArray rows = n > 1 ? a.repeat(0, n) : a;
        Shape s = rows.getShape();
        NDArray big = m.zeros(new Shape(s.get(0), s.get(1), capacity, s.get(3)));
        big.set(new NDIndex(":, :, :" + s.get(2)), rows);
        return big;
    }
}
