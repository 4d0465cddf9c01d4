package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The pretraining data: batches of train-split items, families drawn by weight, scenes capped by the curriculum.
 * Batch {@code step} is a pure function of (seed, step), so a resumed run sees exactly the data the uninterrupted
 * run would have.
 */
public final class PretrainStream {
    private final long seed;
    private final List<KnowledgeFamily> families = new ArrayList<>();
    private final double[] cumulative;
    private final Curriculum curriculum;
    private long cursor;

    /**
     * @param weights    relative sampling weight per family name; families left out are not sampled
     * @param curriculum object cap per step
     */
    public PretrainStream(long seed, Map<String, Double> weights, Curriculum curriculum) {
        this.seed = seed;
        this.curriculum = curriculum;
        double total = 0;
        List<Double> cum = new ArrayList<>();
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            if (e.getValue() < 0 || e.getValue().isNaN()) {
                throw new IllegalArgumentException("weight of " + e.getKey() + " must be >= 0");
            }
            if (e.getValue() > 0) {
                families.add(Families.byName(e.getKey()));
                total += e.getValue();
                cum.add(total);
            }
        }
        if (families.isEmpty()) {
            throw new IllegalArgumentException("at least one family needs a positive weight");
        }
        cumulative = new double[cum.size()];
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] = cum.get(i) / total;
        }
    }

    public PretrainStream(long seed) {
        this(seed, defaultWeights(), Curriculum.standard());
    }

    /**
     * Default mix: the compositional family (four templates) gets more, the easy text family less. In the order of
     * {@link Families#all()} so that the stream does not depend on a map's iteration order.
     */
    public static Map<String, Double> defaultWeights() {
        Map<String, Double> w = new LinkedHashMap<>();
        w.put(GroundingFamily.NAME, 1.0);
        w.put(ReadingFamily.NAME, 1.0);
        w.put(PerceptionFamily.NAME, 1.0);
        w.put(VqaFamily.NAME, 1.5);
        w.put(HallucinationFamily.NAME, 1.0);
        w.put(TextFamily.NAME, 0.5);
        return w;
    }

    /** The items of training step {@code step}. */
    public List<KnowledgeItem> batch(long step, int size) {
        Random rng = new Random(Seeds.mix(seed, "batch", step));
        int cap = curriculum.maxObjects(step);
        List<KnowledgeItem> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            KnowledgeFamily f = pickFamily(rng.nextDouble());
            String id = "train/" + f.name() + "/" + step + "/" + i;
            out.add(f.generate(new FamilyContext(rng, Split.TRAIN, cap, id)).item());
        }
        return out;
    }

    /** The next batch: batch 0, 1, 2... on successive calls. */
    public List<KnowledgeItem> next(int size) {
        return batch(cursor++, size);
    }

    /** Moves the cursor, e.g. to resume at a checkpoint's step. */
    public void seek(long step) {
        cursor = step;
    }

    public long cursor() {
        return cursor;
    }

    private KnowledgeFamily pickFamily(double u) {
        for (int i = 0; i < cumulative.length; i++) {
            if (u < cumulative[i]) {
                return families.get(i);
            }
        }
        return families.get(families.size() - 1);
    }
}
