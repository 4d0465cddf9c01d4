package org.tessera.app.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.runs.events.Evaluation;
import org.tessera.engine.runs.events.RunEvent;
import org.tessera.engine.runs.events.RunEvents;
import org.tessera.engine.runs.events.TrainStep;
import org.tessera.engine.world.SuiteResult;

/**
 * One run's metrics, mapped from its typed metrics.jsonl events into named series of (x, y) points. Pure data: the
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

    public Added add(List<RunEvent> events) {
        Map<String, List<double[]>> added = new LinkedHashMap<>();
        for (RunEvent e : events) {
            double step = e.step();
            if (e instanceof TrainStep t) {
                RunEvents.numbers(t).forEach((name, v) -> put(added, name, step, v));
            } else if (e instanceof EvalEvent ev && ev.eval() != null) {
                Evaluation eval = ev.eval();
                double exact = eval.jigsawExact();
                number(exact).ifPresent(v -> put(added, "jigsaw.exact", step, v));
                number(eval.jigsawHit()).ifPresent(v -> put(added, "jigsaw.hit", step, v));
                if (eval.jigsaw() != null) {
                    put(added, "jigsaw.n", step, eval.jigsaw().n());
                }
                int knowledgeN = eval.families().values().stream().mapToInt(SuiteResult.FamilyScore::n).sum();
                if (knowledgeN > 0) {
                    put(added, "knowledge.n", step, knowledgeN);
                }
                SuiteResult.Average avg = eval.knowledgeAverage();
                for (String m : KNOWLEDGE_METRICS) {
                    number(avg.score(m)).ifPresent(v -> put(added, "knowledge." + m, step, v));
                    number(exact).ifPresent(x -> number(avg.score(m)).ifPresent(y -> put(added, "tradeoff." + m, x,
                            y)));
                }
                eval.families().forEach((family, f) -> {
                    for (String m : KNOWLEDGE_METRICS) {
                        number(f.score(m)).ifPresent(v -> put(added, "family." + family + "." + m, step, v));
                    }
                });
                number(eval.klKnowledge()).ifPresent(v -> put(added, "kl_knowledge", step, v));
                number(eval.klTask()).ifPresent(v -> put(added, "kl_task", step, v));
            }
        }
        return new Added(added);
    }

    private void put(Map<String, List<double[]>> added, String name, double x, double y) {
        double[] p = {x, y};
        series.computeIfAbsent(name, n -> new ArrayList<>()).add(p);
        added.computeIfAbsent(name, n -> new ArrayList<>()).add(p);
    }

    /** A value to plot: finite numbers only (a score that does not apply is NaN, and is not a point). */
    private static java.util.OptionalDouble number(double v) {
        return Double.isFinite(v) ? java.util.OptionalDouble.of(v) : java.util.OptionalDouble.empty();
    }

    public Map<String, List<double[]>> all() {
        return series;
    }

    public List<double[]> get(String name) {
        return series.getOrDefault(name, List.of());
    }
}
