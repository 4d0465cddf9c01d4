package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Procedural pictures made for jigsaw: every style has structure that crosses tile borders (a 2-D colour gradient
 * underneath, plus lines, stripes, shapes or smooth texture), so that neighbouring tiles can be matched by their
 * edges. Painted per pixel from a seed with 2x2 supersampling, using StrictMath so that the pixels are the same
 * on every JVM and CPU (Math.sin may differ in the last bit between platforms), at any size.
 */
public final class ProceduralArt {

    /** Styles. The first four are drawn live by the procedural source; all are used for the shipped samples. */
    public enum Style {
        GRADIENT_LINES, STRIPES, SHAPES, TEXTURE, RINGS, LANDSCAPE, PLASMA, MOSAIC;

        public static final Style[] LIVE = {GRADIENT_LINES, STRIPES, SHAPES, TEXTURE};

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    @FunctionalInterface
    interface Shader {
        /** Writes the colour (0..255 per channel) at normalised coordinates u,v in [0,1) into rgb. */
        void shade(double u, double v, double[] rgb);
    }

    private ProceduralArt() {
    }

    public static BufferedImage paint(Style style, long seed, int size) {
        SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (style.ordinal() + 1)));
        Shader shader = switch (style) {
            case GRADIENT_LINES -> gradientLines(rng);
            case STRIPES -> stripes(rng);
            case SHAPES -> shapes(rng);
            case TEXTURE -> texture(rng);
            case RINGS -> rings(rng);
            case LANDSCAPE -> landscape(rng);
            case PLASMA -> plasma(rng);
            case MOSAIC -> mosaic(rng);
        };
        return render(shader, size);
    }

    /** Paints a shader at {@code size} x {@code size} with 2x2 supersampling. */
    static BufferedImage render(Shader shader, int size) {
        BufferedImage img = Images.rgb(size, size);
        double[] c = new double[3];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                double r = 0, g = 0, b = 0;
                for (int sy = 0; sy < 2; sy++) {
                    for (int sx = 0; sx < 2; sx++) {
                        shader.shade((x + 0.25 + 0.5 * sx) / size, (y + 0.25 + 0.5 * sy) / size, c);
                        r += c[0];
                        g += c[1];
                        b += c[2];
                    }
                }
                img.setRGB(x, y, Images.pack(r / 4, g / 4, b / 4));
            }
        }
        return img;
    }

    // ---- colour helpers ----

    private static double[] vivid(SplittableRandom rng) {
        return hsv(rng.nextDouble(), 0.45 + 0.55 * rng.nextDouble(), 0.5 + 0.5 * rng.nextDouble());
    }

    static double[] hsv(double h, double s, double v) {
        h = (h % 1 + 1) % 1 * 6;
        int i = (int) h;
        double f = h - i;
        double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
        double[] c = switch (i) {
            case 0 -> new double[]{v, t, p};
            case 1 -> new double[]{q, v, p};
            case 2 -> new double[]{p, v, t};
            case 3 -> new double[]{p, q, v};
            case 4 -> new double[]{t, p, v};
            default -> new double[]{v, p, q};
        };
        return new double[]{c[0] * 255, c[1] * 255, c[2] * 255};
    }

    static void mix(double[] out, double[] a, double[] b, double t) {
        for (int k = 0; k < 3; k++) {
            out[k] = a[k] + (b[k] - a[k]) * t;
        }
    }

    static void blendInto(double[] out, double[] colour, double t) {
        for (int k = 0; k < 3; k++) {
            out[k] += (colour[k] - out[k]) * t;
        }
    }

    /** A bilinear gradient between four random corner colours: makes every tile's colour depend on its place. */
    private static Shader corners(SplittableRandom rng) {
        double[] c00 = vivid(rng), c10 = vivid(rng), c01 = vivid(rng), c11 = vivid(rng);
        double[] top = new double[3], bottom = new double[3];
        return (u, v, rgb) -> {
            mix(top, c00, c10, u);
            mix(bottom, c01, c11, u);
            mix(rgb, top, bottom, v);
        };
    }

    private static double smooth(double t) {
        return t * t * (3 - 2 * t);
    }

    /** 1 inside an edge band of half-width w around the signed distance d = 0, fading over one sub-pixel. */
    private static double band(double d, double w) {
        return Math.max(0, Math.min(1, (w - Math.abs(d)) * 96));
    }

    // ---- styles ----

    private static Shader gradientLines(SplittableRandom rng) {
        Shader bg = corners(rng);
        int n = 2 + rng.nextInt(3);
        double[][] lines = new double[n][];
        double[][] colours = new double[n][];
        for (int i = 0; i < n; i++) {
            double angle = rng.nextDouble() * Math.PI;
            lines[i] = new double[]{0.2 + 0.6 * rng.nextDouble(), 0.2 + 0.6 * rng.nextDouble(), StrictMath.cos(angle),
                    StrictMath.sin(angle), 0.015 + 0.03 * rng.nextDouble()};
            colours[i] = rng.nextBoolean() ? vivid(rng) : new double[]{20, 20, 30};
        }
        return (u, v, rgb) -> {
            bg.shade(u, v, rgb);
            for (int i = 0; i < n; i++) {
                double[] l = lines[i];
                double d = (u - l[0]) * l[3] - (v - l[1]) * l[2];
                blendInto(rgb, colours[i], band(d, l[4]));
            }
        };
    }

    private static Shader stripes(SplittableRandom rng) {
        Shader bg = corners(rng);
        double angle = rng.nextDouble() * Math.PI;
        double cos = StrictMath.cos(angle), sin = StrictMath.sin(angle);
        double freq = 2 + 3 * rng.nextDouble();
        double phase = rng.nextDouble() * 2 * Math.PI;
        double[] ink = rng.nextBoolean() ? vivid(rng) : new double[]{245, 245, 235};
        double bend = 0.3 * rng.nextDouble();
        return (u, v, rgb) -> {
            bg.shade(u, v, rgb);
            double d = u * cos + v * sin + bend * StrictMath.sin(3 * (u * sin - v * cos));
            double s = 0.5 + 0.5 * StrictMath.sin(2 * Math.PI * freq * d + phase);
            blendInto(rgb, ink, 0.7 * smooth(s));
        };
    }

    private static Shader shapes(SplittableRandom rng) {
        Shader bg = corners(rng);
        int n = 4 + rng.nextInt(4);
        int[] kind = new int[n];
        double[][] p = new double[n][];
        double[][] colours = new double[n][];
        for (int i = 0; i < n; i++) {
            kind[i] = rng.nextInt(4);
            double cx = rng.nextDouble(), cy = rng.nextDouble();
            double r = 0.12 + 0.25 * rng.nextDouble();
            double a = rng.nextDouble() * 2 * Math.PI;
            p[i] = new double[]{cx, cy, r, a, 0.4 + 0.6 * rng.nextDouble()};
            colours[i] = vivid(rng);
        }
        return (u, v, rgb) -> {
            bg.shade(u, v, rgb);
            for (int i = 0; i < n; i++) {
                double[] q = p[i];
                double dx = u - q[0], dy = v - q[1];
                boolean in = switch (kind[i]) {
                    case 0 -> dx * dx + dy * dy < q[2] * q[2];
                    case 1 -> {
                        double ca = StrictMath.cos(q[3]), sa = StrictMath.sin(q[3]);
                        double rx = dx * ca + dy * sa, ry = -dx * sa + dy * ca;
                        yield Math.abs(rx) < q[2] && Math.abs(ry) < q[2] * q[4];
                    }
                    case 2 -> {
                        double d = StrictMath.sqrt(dx * dx + dy * dy);
                        yield d < q[2] && d > q[2] * 0.6;
                    }
                    default -> {
                        boolean inside = true;
                        for (int k = 0; k < 3; k++) {
                            double a = q[3] + k * 2 * Math.PI / 3;
                            double nx = StrictMath.cos(a), ny = StrictMath.sin(a);
                            inside &= dx * nx + dy * ny < q[2] * 0.5;
                        }
                        yield inside;
                    }
                };
                if (in) {
                    // Shapes are shaded along their own gradient, so a shape's halves differ across a border.
                    double shade = 0.75 + 0.5 * (dx + dy);
                    for (int k = 0; k < 3; k++) {
                        rgb[k] = colours[i][k] * shade;
                    }
                }
            }
        };
    }

    /** Smooth value noise on a lattice of {@code cells} x {@code cells}, periodic-free, in [0,1]. */
    private static double[][] lattice(SplittableRandom rng, int cells) {
        double[][] g = new double[cells + 2][cells + 2];
        for (double[] row : g) {
            for (int i = 0; i < row.length; i++) {
                row[i] = rng.nextDouble();
            }
        }
        return g;
    }

    private static double noise(double[][] g, int cells, double u, double v) {
        double x = u * cells, y = v * cells;
        int ix = (int) x, iy = (int) y;
        double fx = smooth(x - ix), fy = smooth(y - iy);
        double a = g[iy][ix] + (g[iy][ix + 1] - g[iy][ix]) * fx;
        double b = g[iy + 1][ix] + (g[iy + 1][ix + 1] - g[iy + 1][ix]) * fx;
        return a + (b - a) * fy;
    }

    private static Shader texture(SplittableRandom rng) {
        Shader bg = corners(rng);
        int c1 = 3 + rng.nextInt(3), c2 = c1 * 2 + 1;
        double[][] g1 = lattice(rng, c1), g2 = lattice(rng, c2);
        double[] a = vivid(rng), b = vivid(rng), c = {25, 25, 35};
        double[] tmp = new double[3];
        return (u, v, rgb) -> {
            double t = 0.7 * noise(g1, c1, u, v) + 0.3 * noise(g2, c2, u, v);
            if (t < 0.5) {
                mix(tmp, c, a, t * 2);
            } else {
                mix(tmp, a, b, (t - 0.5) * 2);
            }
            bg.shade(u, v, rgb);
            blendInto(rgb, tmp, 0.75);
        };
    }

    private static Shader rings(SplittableRandom rng) {
        Shader bg = corners(rng);
        double cx = 0.2 + 0.6 * rng.nextDouble(), cy = 0.2 + 0.6 * rng.nextDouble();
        double freq = 5 + 6 * rng.nextDouble();
        double hue = rng.nextDouble();
        return (u, v, rgb) -> {
            bg.shade(u, v, rgb);
            double d = StrictMath.hypot(u - cx, v - cy);
            double s = 0.5 + 0.5 * StrictMath.cos(2 * Math.PI * freq * d);
            blendInto(rgb, hsv(hue + 0.4 * d, 0.8, 0.95), 0.6 * s);
        };
    }

    private static Shader landscape(SplittableRandom rng) {
        double[] skyTop = hsv(0.55 + 0.1 * rng.nextDouble(), 0.6, 0.9);
        double[] skyLow = hsv(0.05 + 0.1 * rng.nextDouble(), 0.5, 1.0);
        double sunX = 0.2 + 0.6 * rng.nextDouble(), sunY = 0.15 + 0.25 * rng.nextDouble();
        double[] sun = {255, 235, 170};
        int layers = 3;
        double[][] ridge = new double[layers][];
        double[][] colours = new double[layers][];
        double hue = 0.25 + 0.4 * rng.nextDouble();
        for (int i = 0; i < layers; i++) {
            ridge[i] = new double[]{0.45 + 0.15 * i, 0.06 + 0.04 * rng.nextDouble(), 2 + 4 * rng.nextDouble(),
                    rng.nextDouble() * 6.28, 5 + 6 * rng.nextDouble(), rng.nextDouble() * 6.28};
            colours[i] = hsv(hue + 0.05 * i, 0.5 + 0.15 * i, 0.65 - 0.17 * i);
        }
        return (u, v, rgb) -> {
            mix(rgb, skyTop, skyLow, Math.min(1, v * 1.6));
            if (StrictMath.hypot(u - sunX, v - sunY) < 0.09) {
                System.arraycopy(sun, 0, rgb, 0, 3);
            }
            for (int i = 0; i < layers; i++) {
                double[] r = ridge[i];
                double h = r[0] + r[1] * StrictMath.sin(r[2] * u * 6.28 + r[3]) + 0.5 * r[1] * StrictMath.sin(r[4] * u * 6.28 + r[5]);
                if (v > h) {
                    mix(rgb, colours[i], new double[]{0, 0, 0}, Math.min(0.5, (v - h) * 0.8));
                }
            }
        };
    }

    private static Shader plasma(SplittableRandom rng) {
        double[] f = new double[6];
        for (int i = 0; i < f.length; i++) {
            f[i] = 2 + 5 * rng.nextDouble();
        }
        double hue = rng.nextDouble();
        return (u, v, rgb) -> {
            double s = StrictMath.sin(f[0] * u + f[1] * v) + StrictMath.sin(f[2] * StrictMath.hypot(u - 0.5, v - 0.3))
                    + StrictMath.sin(f[3] * u - f[4] * v * v) + StrictMath.cos(f[5] * u * v);
            double[] c = hsv(hue + s * 0.12, 0.75, 0.6 + 0.1 * s);
            System.arraycopy(c, 0, rgb, 0, 3);
        };
    }

    private static Shader mosaic(SplittableRandom rng) {
        Shader bg = corners(rng);
        int n = 14 + rng.nextInt(10);
        double[][] sites = new double[n][];
        double[] shade = new double[n];
        for (int i = 0; i < n; i++) {
            sites[i] = new double[]{rng.nextDouble(), rng.nextDouble()};
            shade[i] = 0.6 + 0.5 * rng.nextDouble();
        }
        return (u, v, rgb) -> {
            double best = 9, second = 9;
            int bi = 0;
            for (int i = 0; i < n; i++) {
                double d = StrictMath.hypot(u - sites[i][0], v - sites[i][1]);
                if (d < best) {
                    second = best;
                    best = d;
                    bi = i;
                } else if (d < second) {
                    second = d;
                }
            }
            bg.shade(sites[bi][0], sites[bi][1], rgb);
            for (int k = 0; k < 3; k++) {
                rgb[k] = Math.min(255, rgb[k] * shade[bi]);
            }
            if (second - best < 0.012) {
                rgb[0] = rgb[1] = rgb[2] = 30;
            }
        };
    }
}
