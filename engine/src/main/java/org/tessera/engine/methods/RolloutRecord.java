package org.tessera.engine.methods;

import org.tessera.engine.runs.events.PuzzleRef;
import org.tessera.engine.runs.events.RolloutGroup;
import org.tessera.engine.train.GrpoObjective;

import java.util.List;

/** One GRPO group as the rollouts.jsonl line that logs it (docs/contracts/rollout-group.schema.json). */
final class RolloutRecord {
    private RolloutRecord() {
    }

    static RolloutGroup of(long step, GrpoStep.Group g) {
        double[] rewards = g.samples().stream().mapToDouble(s -> s.reward().total()).toArray();
        List<RolloutGroup.Sample> samples = g.samples().stream().map(s -> new RolloutGroup.Sample(
                s.generation().text(), s.parsed().ok() ? s.parsed().answer() : null,
                s.parsed().failure() == null ? "ok" : s.parsed().failure().toString(), s.reward(), s.advantage(),
                s.exact(), s.generation().logProb(), s.baseLogProb(), s.generation().tokens().length)).toList();
        return new RolloutGroup(step, PuzzleRef.of(g.puzzle()), GrpoObjective.zeroSpread(rewards), samples);
    }
}
