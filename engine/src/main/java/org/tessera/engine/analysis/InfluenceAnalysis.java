package org.tessera.engine.analysis;

import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

/**
 * Runs the influence measurement of groups of training samples against one probe set of prior-knowledge samples
 * (held-out items of every knowledge family with their reference completions).
 */
public final class InfluenceAnalysis {
    private final InfluenceProbe<TrainingExample> probe;
    private final double eta;
    private final JobMonitor monitor;

    /** @param monitor told after each measured sample ({@code done} of the group's {@code total}); may stop it */
    public InfluenceAnalysis(InfluenceProbe<TrainingExample> probe, double eta, JobMonitor monitor) {
        if (!(eta > 0) || !Double.isFinite(eta)) {
            throw new IllegalArgumentException("eta must be a positive number, got " + eta);
        }
        this.probe = probe;
        this.eta = eta;
        this.monitor = monitor;
    }

    /**
     * About {@code total} prior-knowledge probes, spread evenly over the knowledge families (at least one each),
     * from the held-out split so they are the suite's own kind of items.
     */
    public static List<TrainingExample> knowledgeProbes(int total, long seed) {
        int families = org.tessera.engine.world.Families.all().size();
        int perFamily = Math.max(1, (int) Math.ceil(total / (double) families));
        List<TrainingExample> out = new ArrayList<>();
        for (List<KnowledgeItem> items : KnowledgeSuite.heldOutItems(perFamily, seed).values()) {
            for (KnowledgeItem it : items) {
                out.add(new TrainingExample(it.prompt(), it.target()));
            }
        }
        return TrainingSets.spread(out, total);
    }

    /**
     * Measures every sample of a group; the first {@code actualN} also get the applied one-step change.
     *
     * @throws CancellationException when the monitor asks to stop (the weights are intact: each measurement restores
     *                               them before it returns)
     */
    public InfluenceSummary group(String name, List<DataSample> samples, int actualN) {
        List<InfluenceMeasurement> ms = new ArrayList<>(samples.size());
        for (int i = 0; i < samples.size(); i++) {
            monitor.throwIfCancelled(name + " " + i + "/" + samples.size());
            ms.add(probe.measure(samples.get(i).example(), eta, i < actualN));
            monitor.progress(name, i + 1, samples.size(), "");
        }
        return InfluenceSummary.of(name, ms, probe.probeResidualNorms());
    }

    /** One summary per GRPO step (the rollouts that step logged). */
    public Map<Long, InfluenceSummary> bySteps(Map<Long, List<DataSample>> byStep, int actualN) {
        Map<Long, InfluenceSummary> out = new LinkedHashMap<>();
        byStep.forEach((step, samples) -> {
            if (!samples.isEmpty()) {
                out.put(step, group("step " + step, samples, actualN));
            }
        });
        return out;
    }
}
