package org.tessera.engine.world;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Map;

/**
 * The retained-knowledge suite's result, serialising with Jackson to
 * {@code {"suite":"knowledge","model":..,"families":{"<name>":{"accuracy","format","choice","nll","n"}},"average":{..}}}.
 *
 * @param families per family, in {@link Families#all()} order
 * @param average  unweighted mean over the families (each family counts the same, whatever its n); choice over the
 *                 families that have it
 */
@JsonPropertyOrder({"suite", "model", "families", "average"})
public record SuiteResult(String suite, String model, Map<String, FamilyScore> families, Average average) {
    public static final String SUITE = "knowledge";

    /**
     * @param accuracy generative exact match of the first parsed answer
     * @param format   share of generations that follow the family's format (structure, stop, kind of answer)
     * @param choice   share of items whose reference answer has the highest summed log-probability of all candidates;
     *                 NaN, written "NaN" (docs/contracts), for a benchmark without options (short answer, grounding)
     * @param nll      mean over items of the reference target's mean per-token negative log-likelihood (nats)
     * @param n        number of items
     */
    @JsonPropertyOrder({"accuracy", "format", "choice", "nll", "n"})
    public record FamilyScore(double accuracy, double format,
                              double choice, double nll, int n) implements Scores {
    }

    @JsonPropertyOrder({"accuracy", "format", "choice", "nll"})
    public record Average(double accuracy, double format, double choice,
                          double nll) implements Scores {
    }

    /** The four scores of a family or of the average. */
    public interface Scores {
        double accuracy();

        double format();

        double choice();

        double nll();

        /** A score by its name: accuracy, format, choice or nll (as the JSON and the charts name them). */
        default double score(String name) {
            return switch (name) {
                case "accuracy" -> accuracy();
                case "format" -> format();
                case "choice" -> choice();
                case "nll" -> nll();
                default -> throw new IllegalArgumentException("no score '" + name + "' (accuracy, format, choice, nll)");
            };
        }
    }
}
