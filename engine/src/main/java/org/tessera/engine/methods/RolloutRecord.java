package org.tessera.engine.methods;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One logged GRPO group as a rollouts.jsonl line (schema in docs/experiments.md). */
final class RolloutRecord {
    private RolloutRecord() {
    }

    static Map<String, Object> of(long step, GrpoStep.Group g) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("step", step);
        line.put("puzzle", JigsawMethod.puzzleRef(g.puzzle()));
        List<Map<String, Object>> samples = new ArrayList<>();
        double[] rewards = g.samples().stream().mapToDouble(s -> s.reward().total()).toArray();
        line.put("zero_spread", org.tessera.engine.train.GrpoObjective.zeroSpread(rewards));
        for (GrpoStep.Sample s : g.samples()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("text", s.generation().text());
            m.put("answer", s.parsed().ok() ? s.parsed().answer() : null);
            m.put("parse", s.parsed().failure() == null ? "ok" : s.parsed().failure().toString());
            m.put("reward", s.reward());
            m.put("advantage", s.advantage());
            m.put("exact", s.exact());
            m.put("logprob_policy", s.generation().logProb());
            m.put("logprob_base", s.baseLogProb());
            m.put("tokens", s.generation().tokens().length);
            samples.add(m);
        }
        line.put("samples", samples);
        return line;
    }
}
