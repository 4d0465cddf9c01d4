package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a question text from a scene, written independently of the family generators: it parses the question
 * and returns the set of every answer that is correct. A well-posed item gets exactly one.
 */
final class SceneOracle {
    private static final Pattern WHERE = Pattern.compile("where is the (.+) \\?");
    private static final Pattern WRITTEN = Pattern.compile("what is written \\?");
    private static final Pattern WRITTEN_IN = Pattern.compile("what is written in cell (\\d) \\?");
    private static final Pattern COLOUR_IN = Pattern.compile("what colour is the shape in cell (\\d) \\?");
    private static final Pattern SHAPE_IN = Pattern.compile("what shape is in cell (\\d) \\?");
    private static final Pattern SIZE_IN = Pattern.compile("what size is the shape in cell (\\d) \\?");
    private static final Pattern HOW_MANY = Pattern.compile("how many (.+) are there \\?");
    private static final Pattern WHICH = Pattern.compile("which cells hold a (.+) \\?");
    private static final Pattern REL_COLOUR = Pattern.compile("what colour is the shape (left of|right of|above|below) the (.+) \\?");
    private static final Pattern REL_SHAPE = Pattern.compile("what shape is (left of|right of|above|below) the (.+) \\?");
    private static final Pattern ORDER = Pattern.compile("list the digits from small to big \\.");
    private static final Pattern POSITIONS = Pattern.compile(
            "the cells are positions 1 to 9 , row by row \\. for each colour , (.+) , write the position where it is \\.");
    private static final Pattern RANK = Pattern.compile(
            "positions are 1 to (\\d) , small to big \\. for each number , (.+) , write the position where it belongs \\.");
    private static final Pattern RANK_DIGITS = Pattern.compile(
            "positions are 1 to (\\d) , small to big \\. for each digit , write the position where it belongs \\.");
    private static final Pattern THERE = Pattern.compile("is there a (.+) \\?");
    private static final Pattern SUM = Pattern.compile("what is (\\d) \\+ (\\d) \\+ (\\d) \\?");
    private static final Pattern AFTER = Pattern.compile("what comes after (\\d) \\?");
    private static final Pattern BEFORE = Pattern.compile("what comes before (\\d) \\?");
    private static final Pattern BIGGER = Pattern.compile("is (\\d) bigger than (\\d) \\?");

    private SceneOracle() {
    }

    /** Every correct answer; an empty set means the oracle cannot parse the question. */
    static Set<String> answers(Scene s, String q) {
        Set<String> out = new TreeSet<>();
        Matcher m;
        if ((m = WHERE.matcher(q)).matches()) {
            for (SceneObject o : matching(s, m.group(1))) {
                out.add(Integer.toString(o.cell()));
            }
            if (matching(s, m.group(1)).size() > 1) {
                out.add("AMBIGUOUS");
            }
        } else if (WRITTEN.matcher(q).matches()) {
            List<String> chars = new ArrayList<>();
            for (int cell = 1; cell <= 9; cell++) {
                int c = cell;
                s.glyphs().stream().filter(g -> g.cell() == c).forEach(g -> chars.add(String.valueOf(g.ch())));
            }
            out.add(String.join(" ", chars));
        } else if ((m = WRITTEN_IN.matcher(q)).matches()) {
            int cell = Integer.parseInt(m.group(1));
            s.glyphs().stream().filter(g -> g.cell() == cell).forEach(g -> out.add(String.valueOf(g.ch())));
        } else if ((m = COLOUR_IN.matcher(q)).matches()) {
            at(s, Integer.parseInt(m.group(1))).forEach(o -> out.add(o.colour().word()));
        } else if ((m = SHAPE_IN.matcher(q)).matches()) {
            at(s, Integer.parseInt(m.group(1))).forEach(o -> out.add(o.kind().word()));
        } else if ((m = SIZE_IN.matcher(q)).matches()) {
            at(s, Integer.parseInt(m.group(1))).forEach(o -> out.add(o.size().word()));
        } else if ((m = HOW_MANY.matcher(q)).matches()) {
            out.add(Long.toString(s.objects().stream().filter(pluralFilter(m.group(1))).count()));
        } else if ((m = WHICH.matcher(q)).matches()) {
            Predicate<SceneObject> f = singularFilter(m.group(1));
            List<String> cells = new ArrayList<>();
            for (int cell = 1; cell <= 9; cell++) {
                for (SceneObject o : at(s, cell)) {
                    if (f.test(o)) {
                        cells.add(Integer.toString(cell));
                    }
                }
            }
            out.add(String.join(" ", cells));
        } else if ((m = REL_COLOUR.matcher(q)).matches() || (m = REL_SHAPE.matcher(q)).matches()) {
            boolean colour = q.startsWith("what colour");
            List<SceneObject> anchors = matching(s, m.group(2));
            for (SceneObject a : anchors) {
                int r = (a.cell() - 1) / 3;
                int c = (a.cell() - 1) % 3;
                switch (m.group(1)) {
                    case "left of" -> c--;
                    case "right of" -> c++;
                    case "above" -> r--;
                    default -> r++;
                }
                if (r >= 0 && r < 3 && c >= 0 && c < 3) {
                    at(s, r * 3 + c + 1).forEach(o -> out.add(colour ? o.colour().word() : o.kind().word()));
                }
            }
            if (anchors.size() != 1) {
                out.add("AMBIGUOUS");
            }
        } else if (ORDER.matcher(q).matches()) {
            List<Integer> digits = new ArrayList<>();
            s.glyphs().forEach(g -> digits.add(g.ch() - '0'));
            digits.sort(null);
            out.add(String.join(" ", digits.stream().map(String::valueOf).toList()));
        } else if ((m = RANK_DIGITS.matcher(q)).matches()) {
            List<Integer> read = new ArrayList<>(); // reading order: cell by cell
            for (int cell = 1; cell <= 9; cell++) {
                int c = cell;
                s.glyphs().stream().filter(g -> g.cell() == c).forEach(g -> read.add(g.ch() - '0'));
            }
            List<String> ranks = new ArrayList<>();
            for (int a : read) {
                ranks.add(Integer.toString(1 + (int) read.stream().filter(b -> b < a).count()));
            }
            if (Integer.parseInt(m.group(1)) != read.size() || read.stream().distinct().count() != read.size()) {
                out.add("AMBIGUOUS");
            }
            out.add(String.join(" ", ranks));
        } else if ((m = POSITIONS.matcher(q)).matches()) {
            List<String> positions = new ArrayList<>();
            for (String colour : m.group(1).split(" ")) {
                List<SceneObject> found = s.objects().stream().filter(o -> o.colour().word().equals(colour)).toList();
                if (found.size() != 1) {
                    out.add("AMBIGUOUS");
                }
                found.forEach(o -> positions.add(Integer.toString(o.cell())));
            }
            out.add(String.join(" ", positions));
        } else if ((m = RANK.matcher(q)).matches()) {
            String[] numbers = m.group(2).split(" ");
            List<String> positions = new ArrayList<>();
            for (String a : numbers) {
                int smaller = 0;
                for (String b : numbers) {
                    smaller += Integer.parseInt(b) < Integer.parseInt(a) ? 1 : 0;
                }
                positions.add(Integer.toString(smaller + 1));
            }
            if (Integer.parseInt(m.group(1)) != numbers.length || new java.util.HashSet<>(List.of(numbers)).size() != numbers.length) {
                out.add("AMBIGUOUS");
            }
            out.add(String.join(" ", positions));
        } else if ((m = THERE.matcher(q)).matches()) {
            out.add(matching(s, m.group(1)).isEmpty() ? "no" : "yes");
        } else if ((m = SUM.matcher(q)).matches()) {
            out.add(Integer.toString(Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2))
                    + Integer.parseInt(m.group(3))));
        } else if ((m = AFTER.matcher(q)).matches()) {
            out.add(Integer.toString(Integer.parseInt(m.group(1)) + 1));
        } else if ((m = BEFORE.matcher(q)).matches()) {
            out.add(Integer.toString(Integer.parseInt(m.group(1)) - 1));
        } else if ((m = BIGGER.matcher(q)).matches()) {
            out.add(Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2)) ? "yes" : "no");
        }
        return out;
    }

    private static List<SceneObject> at(Scene s, int cell) {
        return s.objects().stream().filter(o -> o.cell() == cell).toList();
    }

    /** Objects a phrase names: "red circle", "red shape" or "circle". */
    static List<SceneObject> matching(Scene s, String phrase) {
        return s.objects().stream().filter(singularFilter(phrase)).toList();
    }

    private static Predicate<SceneObject> singularFilter(String phrase) {
        String[] w = phrase.split(" ");
        if (w.length == 1) {
            return o -> w[0].equals("shape") || o.kind().word().equals(w[0]);
        }
        return o -> (o.colour().word().equals(w[0]) || o.size().word().equals(w[0]))
                && (w[1].equals("shape") || o.kind().word().equals(w[1]));
    }

    private static Predicate<SceneObject> pluralFilter(String phrase) {
        String[] w = phrase.split(" ");
        if (w.length == 1) {
            return o -> w[0].equals("shapes") || o.kind().plural().equals(w[0]);
        }
        return o -> (o.colour().word().equals(w[0]) || o.size().word().equals(w[0])) && w[1].equals("shapes");
    }
}
