package org.tessera.app.shell;

/**
 * The workbench's views, in navigation order. Views not built yet state honestly what they will hold, so nobody
 * mistakes an empty pane for a broken one.
 */
public enum Section {
    START("Start here", null),
    MODEL("Model", null),
    TEACHING("Teaching", "The \"SFT vs RFT\" lesson: two runs side by side and their trade-off plot; needs a runs "
            + "folder."),
    PUZZLE_STUDIO("Puzzle studio", null),
    RUNS("Runs", "Lists training runs and launches new ones; needs a runs folder (the workbench opens runs/ under "
            + "the project root)."),
    DASHBOARD("Dashboard", "Charts runs' metrics as they stream in; needs a runs folder."),
    ROLLOUTS("Rollouts", "Shows GRPO runs' logged rollouts; needs a runs folder."),
    ANALYSIS("Analysis", "Perplexity and influence of training data under the base model, and KL vs forgetting "
            + "across runs; needs a runs folder.");

    private final String title;
    private final String plannedContent;

    Section(String title, String plannedContent) {
        this.title = title;
        this.plannedContent = plannedContent;
    }

    public String title() {
        return title;
    }

    /** What the view will show once built; null for views that exist. */
    public String plannedContent() {
        return plannedContent;
    }

    /** Node id of the view's pane, for styling and tests. */
    public String viewId() {
        return name().toLowerCase().replace('_', '-') + "-view";
    }

    @Override
    public String toString() {
        return title;
    }
}
