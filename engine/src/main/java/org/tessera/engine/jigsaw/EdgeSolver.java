package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

/**
 * Solves a jigsaw from the shown tiles' pixels alone (it never sees the ground truth). For every ordered pair of
 * tiles it measures how badly they would meet along a vertical and a horizontal seam: each side's colours are
 * extrapolated half a pixel to the seam using its last two pixel lines, and the L1 mismatch is summed along the
 * seam (smooth gradients then cost almost nothing, while a wrong neighbour shows a jump). The arrangement with the
 * lowest total seam cost is found by depth-first branch and bound over positions in row-major order, cheapest
 * candidate first; exact for up to 3x3, and the best found within a node budget beyond.
 */
public final class EdgeSolver {
    static final long NODE_BUDGET = 200_000;

    /**
     * @param occupant for each 0-based position, the 0-based shown tile placed there
     * @param right    right[a][b]: cost of tile b directly right of tile a
     * @param below    below[a][b]: cost of tile b directly below tile a
     * @param cost     the arrangement's total seam cost
     */
    public record Solution(int[] occupant, double[][] right, double[][] below, double cost) {
        /** The 1-based answer: for each shown tile, the position where the solver put it. */
        public int[] answer() {
            int[] a = new int[occupant.length];
            for (int p = 0; p < occupant.length; p++) {
                a[occupant[p]] = p + 1;
            }
            return a;
        }
    }

    private EdgeSolver() {
    }

    public static Solution solve(Grid grid, List<BufferedImage> tiles) {
        int n = grid.cells();
        if (tiles.size() != n) {
            throw new IllegalArgumentException("grid " + grid + " needs " + n + " tiles, got " + tiles.size());
        }
        double[][] right = new double[n][n];
        double[][] below = new double[n][n];
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                right[a][b] = a == b ? Double.POSITIVE_INFINITY : seam(tiles.get(a), tiles.get(b), true);
                below[a][b] = a == b ? Double.POSITIVE_INFINITY : seam(tiles.get(a), tiles.get(b), false);
            }
        }
        Search s = new Search(grid, right, below);
        s.run();
        return new Solution(s.best, right, below, s.bestCost);
    }

    /** Mismatch of tile b placed right of (horizontal=true) or below (false) tile a. */
    static double seam(BufferedImage a, BufferedImage b, boolean horizontal) {
        int len = horizontal ? a.getHeight() : a.getWidth();
        int depth = horizontal ? a.getWidth() : a.getHeight();
        double sum = 0;
        for (int i = 0; i < len; i++) {
            int a1 = horizontal ? a.getRGB(depth - 1, i) : a.getRGB(i, depth - 1);
            int a2 = depth > 1 ? (horizontal ? a.getRGB(depth - 2, i) : a.getRGB(i, depth - 2)) : a1;
            int b1 = horizontal ? b.getRGB(0, i) : b.getRGB(i, 0);
            int b2 = depth > 1 ? (horizontal ? b.getRGB(1, i) : b.getRGB(i, 1)) : b1;
            for (int shift = 0; shift <= 16; shift += 8) {
                double va1 = (a1 >> shift) & 255, va2 = (a2 >> shift) & 255;
                double vb1 = (b1 >> shift) & 255, vb2 = (b2 >> shift) & 255;
                // Extrapolate each side to the seam; clamp the slope so one noisy pixel cannot dominate.
                double ea = va1 + clamp((va1 - va2) / 2);
                double eb = vb1 + clamp((vb1 - vb2) / 2);
                sum += Math.abs(ea - eb) + 0.25 * Math.abs(va1 - vb1);
            }
        }
        return sum / len;
    }

    private static double clamp(double v) {
        return Math.max(-24, Math.min(24, v));
    }

    /** Depth-first branch and bound. */
    private static final class Search {
        final Grid grid;
        final double[][] right, below;
        final int n;
        final int[] occ;
        final boolean[] used;
        int[] best;
        double bestCost = Double.POSITIVE_INFINITY;
        long nodes;
        /** Cheapest possible cost of any tile's left/top seam: a lower bound for unfilled positions. */
        final double[] minLeft, minTop;

        Search(Grid grid, double[][] right, double[][] below) {
            this.grid = grid;
            this.right = right;
            this.below = below;
            this.n = grid.cells();
            occ = new int[n];
            used = new boolean[n];
            minLeft = new double[n];
            minTop = new double[n];
            for (int b = 0; b < n; b++) {
                double ml = Double.POSITIVE_INFINITY, mt = Double.POSITIVE_INFINITY;
                for (int a = 0; a < n; a++) {
                    ml = Math.min(ml, right[a][b]);
                    mt = Math.min(mt, below[a][b]);
                }
                minLeft[b] = ml;
                minTop[b] = mt;
            }
        }

        void run() {
            // Start from the greedy arrangement so pruning bites at once.
            for (int p = 0; p < n; p++) {
                occ[p] = -1;
            }
            greedy();
            for (int start = 0; start < n; start++) {
                used[start] = true;
                occ[0] = start;
                dfs(1, 0);
                used[start] = false;
            }
        }

        private void greedy() {
            for (int start = 0; start < n; start++) {
                boolean[] u = new boolean[n];
                int[] o = new int[n];
                o[0] = start;
                u[start] = true;
                double cost = 0;
                for (int p = 1; p < n; p++) {
                    int bestT = -1;
                    double bestC = Double.POSITIVE_INFINITY;
                    for (int t = 0; t < n; t++) {
                        if (!u[t]) {
                            double c = step(o, p, t);
                            if (c < bestC) {
                                bestC = c;
                                bestT = t;
                            }
                        }
                    }
                    o[p] = bestT;
                    u[bestT] = true;
                    cost += bestC;
                }
                if (cost < bestCost) {
                    bestCost = cost;
                    best = o.clone();
                }
            }
        }

        private double step(int[] o, int p, int t) {
            double c = 0;
            if (grid.col(p) > 0) {
                c += right[o[p - 1]][t];
            }
            if (grid.row(p) > 0) {
                c += below[o[p - grid.cols()]][t];
            }
            return c;
        }

        private void dfs(int p, double cost) {
            if (p == n) {
                if (cost < bestCost) {
                    bestCost = cost;
                    best = occ.clone();
                }
                return;
            }
            if (++nodes > NODE_BUDGET) {
                return;
            }
            int k = 0;
            int[] cand = new int[n];
            double[] cc = new double[n];
            for (int t = 0; t < n; t++) {
                if (!used[t]) {
                    cand[k] = t;
                    cc[k] = step(occ, p, t);
                    k++;
                }
            }
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Double.compare(cc[x], cc[y]));
            for (int i : order) {
                double c = cost + cc[i];
                if (c + remainingBound(p + 1) >= bestCost) {
                    continue;
                }
                int t = cand[i];
                used[t] = true;
                occ[p] = t;
                dfs(p + 1, c);
                used[t] = false;
            }
        }

        /** A cheap admissible bound: each later position costs at least the smallest seam of any unused tile. */
        private double remainingBound(int from) {
            double bound = 0;
            for (int p = from; p < n; p++) {
                double m = Double.POSITIVE_INFINITY;
                for (int t = 0; t < n; t++) {
                    if (!used[t]) {
                        double c = (grid.col(p) > 0 ? minLeft[t] : 0) + (grid.row(p) > 0 ? minTop[t] : 0);
                        m = Math.min(m, c);
                    }
                }
                bound += m == Double.POSITIVE_INFINITY ? 0 : m;
            }
            return bound;
        }
    }
}
