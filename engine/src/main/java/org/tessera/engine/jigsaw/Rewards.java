package org.tessera.engine.jigsaw;

import java.util.List;
import java.util.Locale;

/**
 * The reward presets and custom weights.
 *
 * <ul>
 *   <li>{@code paper}: hit + accuracy + format (weights 1, 1, 1). hit = fraction of positions right, but 0 unless
 *       the answer is a valid permutation (wrong length or repeated index score 0); accuracy = 1 only for the exact
 *       answer; format = 1 when the completion has the template's tag structure.</li>
 *   <li>{@code jigsaw-r1}: fraction x 1.0 + format x 0.5, as in the public Jigsaw-R1 code: the fraction is
 *       positional and counts even with repeated indices, but is 0 unless there are exactly rows*cols entries,
 *       all numbers in range; format needs the tag structure and such a well-formed list.</li>
 *   <li>{@code visual-jigsaw}: 0.2 x format + 1.0 x exact; when not exact, 0.2 x fraction only if the grid has
 *       more than 4 pieces and the answer is a valid permutation; -0.5 when any position is repeated.</li>
 *   <li>{@code graded}: the paper's hit and accuracy (1, 1), with its format replaced by steps a small base model
 *       can climb: 0.5 for the tag structure with exactly rows*cols in-range numbers (as Jigsaw-R1's format), and
 *       -0.25 when an index repeats. Out of range scores 0, a list with a repeat 0.25, any valid permutation 0.5 +
 *       hit, the solution 2.5. Unlike {@code jigsaw-r1}, whose fraction also counts lists with repeats, no answer
 *       that is not a permutation can score more than a fixed guess that is one (measured: under {@code jigsaw-r1}
 *       the built-in model learned to write {@code 1 3 4 3} for every picture, docs/results.md).</li>
 *   <li>{@code custom}: the paper's terms with your weights, plus an optional repetition penalty weight.</li>
 * </ul>
 */
public final class Rewards {
    public static final List<String> PRESETS = List.of("paper", "jigsaw-r1", "visual-jigsaw", "graded");

    private Rewards() {
    }

    public static JigsawReward paper() {
        return new Weighted("paper", 1, 1, 1, 0);
    }

    public static JigsawReward jigsawR1() {
        return new JigsawReward() {
            @Override
            public String name() {
                return "jigsaw-r1";
            }

            @Override
            public RewardBreakdown score(ParseResult p, int[] truth) {
                double fraction = p.inRangeList() ? p.fractionMatching(truth) : 0;
                double format = p.structureOk() && p.inRangeList() ? 1 : 0;
                return RewardBreakdown.of(name(), RewardBreakdown.Term.of("fraction", fraction, 1.0),
                        RewardBreakdown.Term.of("format", format, 0.5));
            }
        };
    }

    public static JigsawReward graded() {
        return new JigsawReward() {
            @Override
            public String name() {
                return "graded";
            }

            @Override
            public RewardBreakdown score(ParseResult p, int[] truth) {
                return RewardBreakdown.of(name(),
                        RewardBreakdown.Term.of("hit", p.ok() ? p.fractionMatching(truth) : 0, 1.0),
                        RewardBreakdown.Term.of("accuracy", p.exact(truth) ? 1 : 0, 1.0),
                        RewardBreakdown.Term.of("format", p.structureOk() && p.inRangeList() ? 1 : 0, 0.5),
                        RewardBreakdown.Term.of("repetition", p.repeated() ? 1 : 0, -0.25));
            }
        };
    }

    public static JigsawReward visualJigsaw() {
        return new JigsawReward() {
            @Override
            public String name() {
                return "visual-jigsaw";
            }

            @Override
            public RewardBreakdown score(ParseResult p, int[] truth) {
                double format = p.structureOk() ? 1 : 0;
                boolean exact = p.exact(truth);
                double partial = !exact && truth.length > 4 && p.ok() ? p.fractionMatching(truth) : 0;
                return RewardBreakdown.of(name(), RewardBreakdown.Term.of("format", format, 0.2),
                        RewardBreakdown.Term.of("exact", exact ? 1 : 0, 1.0),
                        RewardBreakdown.Term.of("partial", partial, 0.2),
                        RewardBreakdown.Term.of("repetition", p.repeated() ? 1 : 0, -0.5));
            }
        };
    }

    /** The paper's terms with chosen weights; {@code repetition} (usually <= 0) is added when an index repeats. */
    public static JigsawReward custom(double hit, double accuracy, double format, double repetition) {
        return new Weighted("custom", hit, accuracy, format, repetition);
    }

    /** A preset by name. */
    public static JigsawReward preset(String name) {
        return switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "paper" -> paper();
            case "jigsaw-r1" -> jigsawR1();
            case "visual-jigsaw" -> visualJigsaw();
            case "graded" -> graded();
            default -> throw new IllegalArgumentException("reward '" + name + "': expected one of " + PRESETS
                    + " or custom:hit=W,accuracy=W,format=W[,repetition=W]");
        };
    }

    /**
     * A preset name, or {@code custom:hit=1,accuracy=0.5,format=0.2,repetition=-0.5} (omitted custom weights are
     * 0). The form used by experiment files and the CLI.
     */
    public static JigsawReward parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (!s.toLowerCase(Locale.ROOT).startsWith("custom")) {
            return preset(s);
        }
        double[] w = new double[4];
        String rest = s.substring("custom".length()).replaceFirst("^\\s*:", "");
        for (String part : rest.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("reward '" + spec + "': '" + part + "' is not name=weight");
            }
            int k = switch (kv[0].trim().toLowerCase(Locale.ROOT)) {
                case "hit" -> 0;
                case "accuracy" -> 1;
                case "format" -> 2;
                case "repetition" -> 3;
                default -> throw new IllegalArgumentException("reward '" + spec + "': unknown term '" + kv[0].trim()
                        + "' (hit, accuracy, format, repetition)");
            };
            try {
                w[k] = Double.parseDouble(kv[1].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("reward '" + spec + "': weight '" + kv[1].trim() + "' is not a number");
            }
        }
        return custom(w[0], w[1], w[2], w[3]);
    }

    /** hit + accuracy + format (+ repetition), each weighted. */
    private record Weighted(String name, double hit, double accuracy, double format, double repetition)
            implements JigsawReward {
        @Override
        public RewardBreakdown score(ParseResult p, int[] truth) {
            double h = p.ok() ? p.fractionMatching(truth) : 0;
            double a = p.exact(truth) ? 1 : 0;
            double f = p.structureOk() ? 1 : 0;
            if (repetition == 0) {
                return RewardBreakdown.of(name, RewardBreakdown.Term.of("hit", h, hit),
                        RewardBreakdown.Term.of("accuracy", a, accuracy), RewardBreakdown.Term.of("format", f, format));
            }
            return RewardBreakdown.of(name, RewardBreakdown.Term.of("hit", h, hit),
                    RewardBreakdown.Term.of("accuracy", a, accuracy), RewardBreakdown.Term.of("format", f, format),
                    RewardBreakdown.Term.of("repetition", p.repeated() ? 1 : 0, repetition));
        }
    }
}
