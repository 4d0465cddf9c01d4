package org.tessera.engine.task;

import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.jigsaw.Grid;
import org.tessera.engine.jigsaw.JigsawReward;
import org.tessera.engine.jigsaw.Presentation;
import org.tessera.engine.jigsaw.PromptTemplate;
import org.tessera.engine.jigsaw.PromptWording;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.jigsaw.PuzzleGenerator;
import org.tessera.engine.jigsaw.PuzzleSpec;
import org.tessera.engine.jigsaw.Rewards;
import org.tessera.engine.jigsaw.Split;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The jigsaw side of an experiment: puzzle specs for both splits, the prompt template, the reward, and the
 * deterministic choice of training puzzles for each step (epochs reshuffled by seed), so a resumed run draws the
 * same puzzles as an uninterrupted one.
 */
public final class TaskSetup {
    private final Experiment.Task task;
    private final PuzzleSpec trainSpec;
    private final PuzzleSpec testSpec;
    private final PuzzleGenerator trainGenerator;
    private final PromptTemplate template;
    private final JigsawReward reward;
    private final PromptWording wording; // null: this setup regenerates and scores puzzles but writes no prompts

    /** The task for regenerating, parsing and scoring puzzles; {@link #prompt} needs the reading model's wording. */
    public TaskSetup(Experiment e) {
        this(e, null);
    }

    /** The task as read by a model whose prompts take this wording ({@link PromptWording#of}). */
    public TaskSetup(Experiment e, PromptWording wording) {
        this.wording = wording;
        this.task = e.task();
        Grid grid = new Grid(task.rows(), task.cols());
        Presentation presentation = Presentation.valueOf(task.presentation().toUpperCase(Locale.ROOT));
        PuzzleSpec spec = new PuzzleSpec(grid, task.source(), presentation, Boolean.TRUE.equals(task.gridLines()),
                task.imageSize(), Split.TRAIN, false);
        this.trainSpec = spec;
        this.testSpec = spec.withSplit(Split.TEST);
        this.trainGenerator = new PuzzleGenerator(trainSpec);
        this.template = task.prompt().equals("reasoning") ? PromptTemplate.THINK : PromptTemplate.ANSWER;
        Experiment.Grpo g = e.method().grpo();
        if (g == null || !"custom".equals(g.reward())) {
            this.reward = Rewards.preset(g == null ? "paper" : g.reward());
        } else {
            Experiment.RewardWeights w = g.rewardWeights();
            this.reward = Rewards.custom(orZero(w.hit()), orZero(w.exact()), orZero(w.format()), orZero(w.repetition()));
        }
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }

    public PuzzleSpec trainSpec() {
        return trainSpec;
    }

    public PuzzleSpec testSpec() {
        return testSpec;
    }

    public PromptTemplate template() {
        return template;
    }

    /** The model input for a puzzle of this task, in the reading model's wording. */
    public Prompt prompt(Puzzle puzzle) {
        return template.prompt(puzzle, wording());
    }

    /** The wording of the model that reads this task's prompts. */
    public PromptWording wording() {
        if (wording == null) {
            throw new IllegalStateException("this task setup was made without a model: a prompt needs the wording of"
                    + " the model that reads it (new TaskSetup(experiment, PromptWording.of(model)))");
        }
        return wording;
    }

    public JigsawReward reward() {
        return reward;
    }

    public Grid grid() {
        return trainSpec.grid();
    }

    /** Training puzzle {@code index} of the fixed training set (0 .. train_size-1). */
    public Puzzle trainPuzzle(int index) {
        return trainGenerator.puzzle(task.trainSeed(), index);
    }

    /**
     * Training-split puzzle {@code i} that lies beyond the fixed training set (index train_size + i, the same seed):
     * a puzzle no training step draws, from the training distribution, for harvesting a policy's rollouts.
     */
    public Puzzle freshTrainPuzzle(int i) {
        return trainGenerator.puzzle(task.trainSeed(), task.trainSize() + i);
    }

    /** A puzzle of this task's spec on the given split, as a rollouts log names it. */
    public Puzzle regenerate(String split, long seed, int index) {
        PuzzleSpec spec = "test".equals(split) ? testSpec : trainSpec;
        return (spec == trainSpec ? trainGenerator : new PuzzleGenerator(spec)).puzzle(seed, index);
    }

    /** The training-set index of the {@code k}-th example drawn at {@code step} (each epoch a fresh permutation). */
    public int trainIndex(long step, int perStep, int k) {
        long drawn = step * perStep + k;
        int size = task.trainSize();
        long epoch = drawn / size;
        int pos = (int) (drawn % size);
        int[] order = epochOrder(epoch);
        return order[pos];
    }

    private long cachedEpoch = -1;
    private int[] cachedOrder;

    private synchronized int[] epochOrder(long epoch) {
        if (epoch != cachedEpoch) {
            int size = task.trainSize();
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            SplittableRandom rnd = new SplittableRandom(task.trainSeed() * 31 + epoch);
            for (int i = size - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            cachedOrder = order;
            cachedEpoch = epoch;
        }
        return cachedOrder;
    }
}
