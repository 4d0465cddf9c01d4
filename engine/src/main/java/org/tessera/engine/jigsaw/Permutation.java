package org.tessera.engine.jigsaw;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * How the tiles are shuffled. {@code trueOf(s)} is the (0-based) position in the original image of the tile shown
 * at position {@code s}. The answer of a puzzle is exactly this mapping, 1-based, in shown order: "if the tile
 * currently at position X belongs at position Y, write Y at position X" (Jigsaw-R1's forward format).
 */
public final class Permutation {
    private final int[] shownToTrue;

    private Permutation(int[] shownToTrue) {
        this.shownToTrue = shownToTrue;
    }

    /** From 0-based shown-to-true positions; rejects anything that is not a permutation of 0..n-1. */
    public static Permutation of(int... shownToTrue) {
        int n = shownToTrue.length;
        boolean[] seen = new boolean[n];
        for (int v : shownToTrue) {
            if (v < 0 || v >= n || seen[v]) {
                throw new IllegalArgumentException("not a permutation of 0.." + (n - 1) + ": " + Arrays.toString(shownToTrue));
            }
            seen[v] = true;
        }
        return new Permutation(shownToTrue.clone());
    }

    /** From a 1-based answer (the format models write). */
    public static Permutation fromAnswer(int... answer) {
        int[] zero = new int[answer.length];
        for (int i = 0; i < answer.length; i++) {
            zero[i] = answer[i] - 1;
        }
        return of(zero);
    }

    public static Permutation identity(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        return new Permutation(p);
    }

    /**
     * A uniformly random permutation (Fisher-Yates). Without {@code allowIdentity}, the identity is replaced by
     * rotating it by a random non-zero amount, so a "puzzle" is never already solved.
     */
    public static Permutation random(int n, SplittableRandom rng, boolean allowIdentity) {
        int[] p = identity(n).shownToTrue;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        Permutation perm = new Permutation(p);
        if (!allowIdentity && perm.isIdentity()) {
            int shift = 1 + rng.nextInt(n - 1);
            for (int i = 0; i < n; i++) {
                p[i] = (i + shift) % n;
            }
        }
        return perm;
    }

    public int size() {
        return shownToTrue.length;
    }

    /** 0-based original position of the tile shown at 0-based position {@code shown}. */
    public int trueOf(int shown) {
        return shownToTrue[shown];
    }

    /** 0-based shown position of the tile that belongs at 0-based position {@code truePosition}. */
    public int shownOf(int truePosition) {
        for (int s = 0; s < shownToTrue.length; s++) {
            if (shownToTrue[s] == truePosition) {
                return s;
            }
        }
        throw new IllegalArgumentException("position " + truePosition + " out of range 0.." + (size() - 1));
    }

    /** The 1-based answer: element X-1 is the position where the tile shown at position X belongs. */
    public int[] answer() {
        int[] a = new int[shownToTrue.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = shownToTrue[i] + 1;
        }
        return a;
    }

    public boolean isIdentity() {
        for (int i = 0; i < shownToTrue.length; i++) {
            if (shownToTrue[i] != i) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Permutation p && Arrays.equals(shownToTrue, p.shownToTrue);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(shownToTrue);
    }

    @Override
    public String toString() {
        return Arrays.toString(answer());
    }
}
