package org.tessera.engine.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An axis-aligned box (x1, y1) top left, (x2, y2) bottom right, in some pixel frame. */
public record Box(double x1, double y1, double x2, double y2) {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?");
    private static final Pattern BBOX_2D = Pattern.compile("\"?bbox_2d\"?\\s*:\\s*\\[([^\\]]*)]");

    public double area() {
        return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    }

    /** Intersection over union; 0 when either box is empty. */
    public double iou(Box o) {
        double iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        double ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        double inter = iw <= 0 || ih <= 0 ? 0 : iw * ih;
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** This box moved from a frame of {@code fromW x fromH} to one of {@code toW x toH} (each axis scaled). */
    public Box rescale(double fromW, double fromH, double toW, double toH) {
        double sx = toW / fromW;
        double sy = toH / fromH;
        return new Box(x1 * sx, y1 * sy, x2 * sx, y2 * sy);
    }

    /** A COCO-style box (x, y, width, height). */
    public static Box fromXywh(double x, double y, double w, double h) {
        return new Box(x, y, x + w, y + h);
    }

    /**
     * The box a model wrote: the first {@code "bbox_2d": [..]} (Qwen2.5-VL's JSON) if there is one, else the first
     * four numbers of the text ({@code [10, 20, 30, 40]}, {@code (10,20),(30,40)}, {@code 10 20 30 40}); null when
     * there are fewer than four or the box is empty.
     */
    public static Box parse(String text) {
        if (text == null) {
            return null;
        }
        Matcher json = BBOX_2D.matcher(text);
        List<Double> v = numbers(json.find() ? json.group(1) : text);
        if (v.size() < 4) {
            return null;
        }
        Box b = new Box(v.get(0), v.get(1), v.get(2), v.get(3));
        return b.x2 > b.x1 && b.y2 > b.y1 ? b : null;
    }

    private static List<Double> numbers(String s) {
        List<Double> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(s);
        while (m.find() && out.size() < 4) {
            out.add(Double.parseDouble(m.group()));
        }
        return out;
    }

    /** Whole pixels, as models write them: {@code x1, y1, x2, y2} rounded. */
    public long[] rounded() {
        return new long[] {Math.round(x1), Math.round(y1), Math.round(x2), Math.round(y2)};
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "[%s, %s, %s, %s]", fmt(x1), fmt(y1), fmt(x2), fmt(y2));
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
