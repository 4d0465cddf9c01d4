package org.tessera.app.widgets;

import java.util.Map;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * One glossary for the window: what each metric, score and term means, shown on hover wherever it appears (chart,
 * column header, lane, table). Definitions follow docs/tasks.md and docs/knowledge-suite.md.
 */
public final class Tooltips {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("jigsaw", "Jigsaw exact: the share of held-out puzzles whose answer is the whole right "
                    + "arrangement. Measured at every evaluation on the same puzzles for every run."),
            Map.entry("exact", "Exact: the answer puts every tile in its place (the puzzle is solved)."),
            Map.entry("hit", "Hit (partial credit): the share of tiles in the right place, counted only for a valid "
                    + "arrangement (each tile once). It rises before exact does: a model learning slowly shows it "
                    + "here first."),
            Map.entry("knowledge", "Retained knowledge: the base model's prior skills (counting, colours, reading, "
                    + "...) measured on fixed held-out questions. accuracy = generated answer right; choice = the "
                    + "right candidate is the likeliest; format = answer in the asked form; nll = negative "
                    + "log-likelihood of the reference answer (lower is better)."),
            Map.entry("accuracy", "Accuracy: the generated answer equals the reference answer."),
            Map.entry("choice", "Choice: among the candidate answers, the model gives the right one the highest "
                    + "likelihood (no generation involved)."),
            Map.entry("format", "Format: the answer has the asked form (for the jigsaw: the template's tags and "
                    + "shape), right or wrong."),
            Map.entry("nll", "NLL: negative log-likelihood of the reference answer per token; lower is better."),
            Map.entry("tradeoff", "Trade-off: each point is one evaluation, jigsaw exact (new skill) on x and "
                    + "retained knowledge on y. Up-right is good; a path going right and down learned the task and "
                    + "forgot."),
            Map.entry("families", "Knowledge per family: each knowledge family (line style) for each run (colour). "
                    + "Few questions per family: differences of a few points are noise."),
            Map.entry("reward", "GRPO reward: mean (solid) and standard deviation (dashed) of the rewards in a step's "
                    + "groups. A std of 0 means every sample of a group got the same reward: no advantage, no "
                    + "learning signal."),
            Map.entry("kl", "KL to the base model: how far the trained model's next-token distributions moved, on "
                    + "training data (train), on knowledge questions and on jigsaw prompts (probes)."),
            Map.entry("loss", "Training loss: cross-entropy for SFT steps, the GRPO objective for GRPO steps."),
            Map.entry("lr", "Learning rate after warm-up and schedule."),
            Map.entry("advantage", "Advantage: a sample's reward minus its group's mean (divided by the group's std): "
                    + "positive samples are made likelier, negative ones less likely. Equal rewards in a group give "
                    + "0 for all."),
            Map.entry("parse", "How the answer was read: NONE = a valid arrangement; NO_ANSWER_TAG, NOT_A_NUMBER, "
                    + "OUT_OF_RANGE, WRONG_COUNT, REPEATED_INDEX say the first thing that was wrong."),
            Map.entry("entk", "eNTK lower bound: how strongly one gradient step on a sample changes the model's "
                    + "output on a probe, normalised (docs/analysis.md)."),
            Map.entry("perplexity", "Perplexity under the base model: how surprising the training data is to the "
                    + "model before training; data far from what it knows moves it more."));

    private Tooltips() {
    }

    /** The explanation of a term; the term itself when the glossary lacks it. */
    public static String text(String term) {
        return TEXT.getOrDefault(term, term);
    }

    public static boolean has(String term) {
        return TEXT.containsKey(term);
    }

    /** A wrapped tooltip with the explanation, shown quickly and for long enough to read. */
    public static Tooltip of(String term) {
        Tooltip t = new Tooltip(text(term));
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(Duration.millis(300));
        t.setShowDuration(Duration.seconds(30));
        return t;
    }

    public static void install(Control control, String term) {
        control.setTooltip(of(term));
    }
}
