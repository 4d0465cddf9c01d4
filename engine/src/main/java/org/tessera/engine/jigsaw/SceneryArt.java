package org.tessera.engine.jigsaw;

import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Procedural outdoor pictures laid out the way photographs are: sky above a horizon, ground below it, and the
 * sun low on the left, so the light is warm on the left and falls off to the right. Clouds, hills, trees and
 * rocks vary from picture to picture.
 *
 * <p>Why a second kind of procedural picture: {@link ProceduralArt}'s styles put random colours in random
 * corners, so a tile's place can only be read from how its edges meet its neighbours'. A 2-million-parameter
 * model hardly learns that in a few hundred steps (docs/results.md). Real photographs also carry absolute cues:
 * sky is up, ground is down, and light has a direction. Scenery keeps those cues, so a small model can learn
 * the task in minutes, and the edges still continue across tiles for a solver that matches them.
 *
 * <p>Painted per pixel with 2x2 supersampling and StrictMath, so the pixels are the same on every JVM.
 */
public final class SceneryArt {
    private static final double[] SUN = {255, 236, 170};
    private static final double[] CLOUD = {250, 250, 252};

    private SceneryArt() {
    }

    public static BufferedImage paint(long seed, int size) {
        return ProceduralArt.render(new Painter(new SplittableRandom(seed ^ 0x5CE4E27L)), size);
    }

    /** One picture's random layout, drawn back to front: sky, sun, clouds, hills, ground, objects, light. */
    private static final class Painter implements ProceduralArt.Shader {
        final double horizon;
        final double[] skyTop;
        final double[] skyLow;
        final double sunX;
        final double sunY;
        final double[][] clouds;
        final double[] hill;
        final double[] hillColour;
        final double[] groundNear;
        final double[] groundFar;
        final double[][] objects;
        final double[][] objectColours;
        final double lightFalloff;

        Painter(SplittableRandom rng) {
            horizon = 0.42 + 0.16 * rng.nextDouble();
            skyTop = ProceduralArt.hsv(0.57 + 0.05 * rng.nextDouble(), 0.55 + 0.2 * rng.nextDouble(), 0.85 + 0.1 * rng.nextDouble());
            skyLow = ProceduralArt.hsv(0.08 + 0.06 * rng.nextDouble(), 0.2 + 0.15 * rng.nextDouble(), 1.0);
            sunX = 0.08 + 0.2 * rng.nextDouble();
            sunY = 0.08 + 0.18 * rng.nextDouble();
            clouds = new double[1 + rng.nextInt(3)][];
            for (int i = 0; i < clouds.length; i++) {
                clouds[i] = new double[]{rng.nextDouble(), 0.1 + (horizon - 0.2) * rng.nextDouble(),
                        0.08 + 0.1 * rng.nextDouble(), 0.03 + 0.03 * rng.nextDouble()};
            }
            hill = new double[]{0.05 + 0.05 * rng.nextDouble(), 1 + 2 * rng.nextDouble(), rng.nextDouble() * 6.28};
            double groundHue = 0.2 + 0.15 * rng.nextDouble();
            hillColour = ProceduralArt.hsv(groundHue + 0.05, 0.35, 0.55);
            groundFar = ProceduralArt.hsv(groundHue, 0.55 + 0.2 * rng.nextDouble(), 0.7);
            groundNear = ProceduralArt.hsv(groundHue - 0.05, 0.65, 0.4);
            objects = new double[2 + rng.nextInt(4)][];
            objectColours = new double[objects.length][];
            for (int i = 0; i < objects.length; i++) {
                double base = horizon + 0.05 + (0.95 - horizon) * rng.nextDouble();
                double height = 0.08 + 0.2 * rng.nextDouble() * (base - horizon + 0.3);
                objects[i] = new double[]{rng.nextInt(3), rng.nextDouble(), base, height, 0.03 + 0.05 * rng.nextDouble()};
                objectColours[i] = objects[i][0] == 0 ? ProceduralArt.hsv(0.28 + 0.1 * rng.nextDouble(), 0.7, 0.35)
                        : objects[i][0] == 1 ? ProceduralArt.hsv(0.05 + 0.05 * rng.nextDouble(), 0.3, 0.45)
                        : ProceduralArt.hsv(rng.nextDouble(), 0.6, 0.8);
            }
            lightFalloff = 0.35 + 0.2 * rng.nextDouble();
        }

        @Override
        public void shade(double u, double v, double[] rgb) {
            double ridge = horizon - hill[0] * (0.5 + 0.5 * StrictMath.sin(hill[1] * 6.28 * u + hill[2]));
            if (v < ridge) {
                ProceduralArt.mix(rgb, skyTop, skyLow, Math.min(1, v / horizon));
                double d = StrictMath.hypot(u - sunX, v - sunY);
                ProceduralArt.blendInto(rgb, SUN, d < 0.07 ? 1 : 0.55 * StrictMath.exp(-(d - 0.07) * 5));
                for (double[] cl : clouds) {
                    double dx = (u - cl[0]) / cl[2], dy = (v - cl[1]) / cl[3];
                    if (dx * dx + dy * dy < 1) {
                        ProceduralArt.blendInto(rgb, CLOUD, 0.85);
                    }
                }
            } else if (v < horizon) {
                copy(hillColour, rgb);
            } else {
                ProceduralArt.mix(rgb, groundFar, groundNear, (v - horizon) / (1 - horizon));
            }
            for (int i = 0; i < objects.length; i++) {
                if (inside(objects[i], u, v)) {
                    copy(objectColours[i], rgb);
                }
            }
            // The sun lights the left and leaves the right in shade: the cue for a tile's column.
            double light = 1.12 - lightFalloff * StrictMath.hypot(u - sunX, 0.5 * (v - sunY));
            for (int k = 0; k < 3; k++) {
                rgb[k] = Math.max(0, Math.min(255, rgb[k] * light));
            }
        }

        /** Tree (a trunk under a round crown), rock (a half disc), or house (a box under a roof) on the ground. */
        private static boolean inside(double[] o, double u, double v) {
            double cx = o[1], base = o[2], h = o[3], w = o[4];
            double dx = u - cx;
            if (o[0] == 0) {
                boolean trunk = Math.abs(dx) < w * 0.25 && v < base && v > base - h * 0.5;
                double cy = base - h * 0.75, r = Math.max(w, h * 0.35);
                return trunk || dx * dx + (v - cy) * (v - cy) < r * r;
            }
            if (o[0] == 1) {
                return v < base && dx * dx + (v - base) * (v - base) < w * w * 1.6;
            }
            boolean box = Math.abs(dx) < w && v < base && v > base - h * 0.6;
            double roofTop = base - h;
            boolean roof = v >= roofTop && v <= base - h * 0.6 && Math.abs(dx) < w * 1.2 * (v - roofTop) / (h * 0.4);
            return box || roof;
        }
    }

    private static void copy(double[] from, double[] to) {
        System.arraycopy(from, 0, to, 0, 3);
    }
}
