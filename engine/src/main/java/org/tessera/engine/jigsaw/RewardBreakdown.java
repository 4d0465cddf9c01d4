package org.tessera.engine.jigsaw;

import java.util.List;

/**
 * A reward and how it was made: each term's raw value, weight and contribution (value x weight). Trainers log
 * the terms so the workbench can chart format, partial credit and exactness separately.
 *
 * @param reward the reward's name (preset name or {@code custom})
 * @param terms  the terms in a fixed order
 * @param total  the sum of the contributions
 */
public record RewardBreakdown(String reward, List<Term> terms, double total) {

    /** @param name term name, e.g. {@code hit}; @param value raw value, usually 0..1 */
    public record Term(String name, double value, double weight, double contribution) {
        public static Term of(String name, double value, double weight) {
            return new Term(name, value, weight, value * weight);
        }
    }

    public static RewardBreakdown of(String reward, Term... terms) {
        double total = 0;
        for (Term t : terms) {
            total += t.contribution();
        }
        return new RewardBreakdown(reward, List.of(terms), total);
    }

    /** The raw value of a term, or NaN if this reward has no such term. */
    public double value(String term) {
        return terms.stream().filter(t -> t.name().equals(term)).mapToDouble(Term::value).findFirst().orElse(Double.NaN);
    }
}
