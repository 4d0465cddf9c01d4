package org.tessera.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's metrics, read from its metrics.jsonl events into named series of (x, y) points. Pure data: the
 * dashboard adds points from here to its charts. Series names: {@code jigsaw.exact}, {@code jigsaw.hit} (partial
 * credit), {@code jigsaw.n} and {@code knowledge.n} (how many items an evaluation scored), {@code knowledge.accuracy},
 * {@code knowledge.choice}, {@code family.<name>.accuracy|choice}, {@code kl_knowledge}, {@code kl_task}, and every
 * numeric field of a training event ({@code loss}, {@code lr}, {@code reward_mean}, {@code reward_std}, {@code kl}
 * ...). {@code tradeoff.accuracy|choice} holds (jigsaw exact, knowledge) pairs in step order.
 */
public final class RunMetrics {
    /** The retained-knowledge scores a chart can show (docs/knowledge-suite.md defines each). */
    public static final List<String> KNOWLEDGE_METRICS = List.of("accuracy", "choice", "format", "nll");

    /** Points added by one {@link #add} call, per series, so a chart appends only what is new. */
    public record Added(Map<String, List<double[]>> points) {
    }

    private final Map<String, List<double[]>> series = new LinkedHashMap<>();

    public Added add(List<JsonNode> events) {
        Map<String, List<double[]>> added = new LinkedHashMap<>();
        for (JsonNode e : events) {
            JsonNode stepNode = e.get("step");
            if (stepNode == null || !stepNode.isNumber()) {
                continue;
            }
            double step = stepNode.asDouble();
            String kind = e.path("event").asText();
            if (kind.equals("train")) {
                e.fields().forEachRemaining(f -> {
                    if (f.getValue().isNumber() && !f.getKey().equals("step")) {
                        put(added, f.getKey(), step, f.getValue().asDouble());
                    }
                });
            } else if (kind.equals("eval")) {
                JsonNode eval = e.path("eval");
                number(eval.path("jigsaw").path("exact")).ifPresent(v -> put(added, "jigsaw.exact", step, v));
                number(eval.path("jigsaw").path("hit")).ifPresent(v -> put(added, "jigsaw.hit", step, v));
                number(eval.path("jigsaw").path("n")).ifPresent(v -> put(added, "jigsaw.n", step, v));
                double[] knowledgeN = {0};
                eval.path("knowledge").path("families").forEach(f -> knowledgeN[0] += f.path("n").asDouble(0));
                if (knowledgeN[0] > 0) {
                    put(added, "knowledge.n", step, knowledgeN[0]);
                }
                JsonNode avg = eval.path("knowledge").path("average");
                for (String m : KNOWLEDGE_METRICS) {
                    number(avg.path(m)).ifPresent(v -> put(added, "knowledge." + m, step, v));
                    number(eval.path("jigsaw").path("exact")).ifPresent(x -> number(avg.path(m))
                            .ifPresent(y -> put(added, "tradeoff." + m, x, y)));
                }
                eval.path("knowledge").path("families").fields().forEachRemaining(f -> {
                    for (String m : KNOWLEDGE_METRICS) {
                        number(f.getValue().path(m)).ifPresent(v -> put(added, "family." + f.getKey() + "." + m,
                                step, v));
                    }
                });
                for (String kl : List.of("kl_knowledge", "kl_task")) {
                    number(eval.path(kl)).ifPresent(v -> put(added, kl, step, v));
                }
            }
        }
        return new Added(added);
    }

    private void put(Map<String, List<double[]>> added, String name, double x, double y) {
        double[] p = {x, y};
        series.computeIfAbsent(name, n -> new ArrayList<>()).add(p);
        added.computeIfAbsent(name, n -> new ArrayList<>()).add(p);
    }

    private static java.util.OptionalDouble number(JsonNode n) {
        return n != null && n.isNumber() ? java.util.OptionalDouble.of(n.asDouble()) : java.util.OptionalDouble.empty();
    }

    public Map<String, List<double[]>> all() {
        return series;
    }

    public List<double[]> get(String name) {
        return series.getOrDefault(name, List.of());
    }
}
