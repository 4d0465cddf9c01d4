package org.tessera.engine.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.tessera.engine.runs.events.EvalEvent;
import org.tessera.engine.runs.events.Evaluation;
import org.tessera.engine.runs.events.RunEvents;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the evaluation events of a run's metrics.jsonl strictly ({@link JsonlLines}): a line that is not a JSON
 * object, or an eval event without a numeric {@code step}, fails with {@code FILE:LINE: problem}. Serves both
 * {@code analyze kl} and the report.
 */
public final class MetricsReader {
    private MetricsReader() {
    }

    /** The eval events in step order (file order for equal steps). */
    public static List<EvalPoint> evals(Path metrics) {
        List<EvalPoint> out = new ArrayList<>();
        for (JsonlLines.Line line : JsonlLines.read(metrics)) {
            JsonNode n = line.json();
            if (n == null || !n.isObject()) {
                throw new AnalysisDataException(metrics, line.number(), "not a JSON object");
            }
            if (!"eval".equals(n.path("event").asText())) {
                continue;
            }
            if (!n.path("step").isIntegralNumber()) {
                throw new AnalysisDataException(metrics, line.number(), "eval event without a numeric \"step\"");
            }
            if (!n.path("eval").isObject()) {
                throw new AnalysisDataException(metrics, line.number(), "eval event without an \"eval\" object");
            }
            EvalEvent e;
            try {
                e = (EvalEvent) RunEvents.parse(n);
            } catch (IllegalArgumentException ex) {
                throw new AnalysisDataException(metrics, line.number(), "eval event that does not read: "
                        + ex.getMessage());
            }
            out.add(evalPoint(e));
        }
        out.sort(Comparator.comparingLong(EvalPoint::step));
        return out;
    }

    /** One typed eval event as a point (the live path: the run manager hands events already typed). */
    public static EvalPoint evalPoint(EvalEvent e) {
        if (e.eval() == null) {
            return null;
        }
        Evaluation ev = e.eval();
        Map<String, Double> families = new LinkedHashMap<>();
        ev.families().forEach((name, score) -> families.put(name, score.accuracy()));
        return new EvalPoint(e.step(), e.wallSeconds(), ev.jigsawExact(), ev.jigsawHit(),
                ev.knowledgeAverage().accuracy(), families, ev.klTask(), ev.klKnowledge());
    }
}
