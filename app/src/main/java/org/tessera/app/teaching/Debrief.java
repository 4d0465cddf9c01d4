package org.tessera.app.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lesson's debrief in plain words, written from the two runs' own numbers: what happened (first and last
 * evaluation of each), why (the data perspective, said simply, and honest when the numbers disagree with it), what
 * the paper found (docs/replication.md, the shared paper notes), and how far to trust a few held-out items.
 */
final class Debrief {
    /** One lane's first and last evaluation. NaN where a run logged no such score. */
    record Lane(String title, double exact0, double exact1, double hit0, double hit1, double knowledge0,
                double knowledge1, int evaluations, int jigsawN, int knowledgeN, String ending) {
        double knowledgeDrop() {
            return knowledge0 - knowledge1;
        }
    }

    static final String PAPER = "What the paper found. Zhang, Dong et al. (\"Why Reinforcement Fine-Tuning Enables "
            + "MLLMs Preserve Prior Knowledge Better\", ICLR 2026) taught Qwen2.5-VL 3x3 jigsaws. SFT on the bare "
            + "answers learned the task in a few hundred steps but lost much of what the model knew (on the 7B model "
            + "about 57 points on RefCOCO grounding); GRPO reached about the same accuracy only after tens of thousands "
            + "of steps, and kept its knowledge within about 2 points. Their explanation is the data: RL trains on "
            + "the model's own answers, which it already finds likely, and those pull in the same direction as what "
            + "it knows; SFT on the model's own correct answers (Rea-Self) kept knowledge almost as well. On "
            + "Tessera's tiny model the same contrast holds over three seeds (docs/replication.md).";

    private Debrief() {
    }

    /** Paragraphs: what happened, why, what the paper found, and a caveat on the numbers. */
    static List<String> paragraphs(Lane sft, Lane grpo) {
        List<String> out = new ArrayList<>();
        out.add("What happened. " + happened(sft) + " " + happened(grpo));
        out.add("Why. " + why(sft, grpo));
        out.add(PAPER);
        out.add(caveat(sft, grpo));
        return out;
    }

    static String happened(Lane l) {
        StringBuilder s = new StringBuilder(l.title()).append(": puzzles solved ")
                .append(change(l.exact0(), l.exact1()));
        if (!Double.isNaN(l.hit0())) {
            s.append(", tiles in the right place ").append(change(l.hit0(), l.hit1()));
        }
        s.append(", old knowledge ").append(change(l.knowledge0(), l.knowledge1()));
        if (!Double.isNaN(l.knowledge0())) {
            long points = Math.round(Math.abs(100 * l.knowledgeDrop()));
            s.append(String.format(Locale.ROOT, " (%s %d point%s)", l.knowledgeDrop() >= 0 ? "lost" : "gained",
                    points, points == 1 ? "" : "s"));
        }
        s.append(".");
        if (l.ending() != null) {
            s.append(" ").append(l.ending());
        }
        return s.toString();
    }

    static String why(Lane sft, Lane grpo) {
        StringBuilder s = new StringBuilder();
        s.append("SFT is shown the right answer to every puzzle and copies it word for word: the quickest way to a "
                + "new skill. But those answers are text the model would not have written itself, and every step "
                + "pulls the whole model towards them, over what it knew. GRPO only learns from its own attempts, "
                + "rewarded for how good they are; the model already finds those attempts likely, so its steps stay "
                + "close to what it knew. ");
        boolean hitRose = grpo.hit1() - grpo.hit0() >= 0.05;
        boolean exactRose = grpo.exact1() - grpo.exact0() >= 0.05;
        if (exactRose) {
            s.append("Here GRPO did learn to solve puzzles, more slowly than SFT.");
        } else if (hitRose) {
            s.append(String.format(Locale.ROOT, "Here GRPO solved few whole puzzles, but its tiles in the right place "
                    + "rose from %.0f %% to %.0f %%: it was learning, slowly. A group of attempts that all get the same "
                    + "reward teaches nothing, and a small model rarely samples a whole right answer, so partial credit "
                    + "moves first. RL does not fail to learn: it learns slowly and keeps what it knew.",
                    100 * grpo.hit0(), 100 * grpo.hit1()));
        } else {
            s.append("Here GRPO's scores hardly moved in so few steps: most of its groups of attempts got equal "
                    + "rewards, which teach nothing (the Rollouts view shows them as zero-spread groups). It needs "
                    + "many more steps than SFT, as in the paper.");
        }
        if (!Double.isNaN(sft.knowledge0()) && !Double.isNaN(grpo.knowledge0())) {
            if (grpo.knowledgeDrop() > sft.knowledgeDrop() + 0.05) {
                s.append(" Unusually, GRPO lost more knowledge than SFT in these runs: check the runs' KL charts in "
                        + "the dashboard, and repeat with other seeds before believing it.");
            } else if (sft.knowledgeDrop() > grpo.knowledgeDrop() + 0.05) {
                s.append(String.format(Locale.ROOT, " SFT lost %.0f points more of its old knowledge than GRPO.",
                        100 * (sft.knowledgeDrop() - grpo.knowledgeDrop())));
            } else {
                s.append(" Both kept about as much of their old knowledge.");
            }
        }
        return s.toString();
    }

    static String caveat(Lane sft, Lane grpo) {
        int jigsaw = Math.max(sft.jigsawN(), grpo.jigsawN());
        int knowledge = Math.max(sft.knowledgeN(), grpo.knowledgeN());
        StringBuilder s = new StringBuilder("How far to trust this. ");
        if (jigsaw > 0 && knowledge > 0) {
            s.append(String.format(Locale.ROOT, "Each evaluation scored %d held-out puzzles and %d knowledge questions, "
                    + "so one puzzle is %.0f points and one question %.1f: differences of a few points are noise. ",
                    jigsaw, knowledge, 100.0 / jigsaw, 100.0 / knowledge));
        }
        s.append("This is one seed; docs/replication.md repeats each method over three seeds and longer runs.");
        return s.toString();
    }

    private static String change(double from, double to) {
        if (Double.isNaN(from) || Double.isNaN(to)) {
            return "not measured";
        }
        return String.format(Locale.ROOT, "%.0f %% \u2192 %.0f %%", 100 * from, 100 * to);
    }
}
