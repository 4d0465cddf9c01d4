package org.tessera.engine.benchmarks;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a file writes its reference boxes: corners (x1, y1, x2, y2) or COCO's (x, y, width, height), in pixels. */
public enum BoxFormat {
    XYXY("xyxy"), XYWH("xywh");

    private static final Pattern FOUR_NUMBERS = Pattern.compile(
            "\\s*[\\[(]?\\s*(-?[\\d.]+)\\s*,?\\s*(-?[\\d.]+)\\s*,?\\s*(-?[\\d.]+)\\s*,?\\s*(-?[\\d.]+)\\s*[\\])]?\\s*");

    private final String id;

    BoxFormat(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static BoxFormat of(String id) {
        for (BoxFormat f : values()) {
            if (f.id.equals(id)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown box_format '" + id + "' (known: xyxy, xywh)");
    }

    String describe() {
        return this == XYXY ? "[x1, y1, x2, y2]" : "[x, y, width, height]";
    }

    /** The box a reference answer holds ({@code [10, 20, 30, 40]}, {@code 10,20,30,40}), or null. */
    Box read(String answer) {
        Matcher m = FOUR_NUMBERS.matcher(answer);
        if (!m.matches()) {
            return null;
        }
        double[] v = new double[4];
        try {
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(m.group(i + 1));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        Box b = this == XYXY ? new Box(v[0], v[1], v[2], v[3]) : Box.fromXywh(v[0], v[1], v[2], v[3]);
        return b.x2() > b.x1() && b.y2() > b.y1() ? b : null;
    }
}
