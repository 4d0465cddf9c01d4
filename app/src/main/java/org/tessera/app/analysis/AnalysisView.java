package org.tessera.app.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.tessera.app.widgets.ExportFiles;
import org.tessera.app.session.RunFeed;
import org.tessera.app.task.TaskExecutor;
import org.tessera.app.widgets.FolderChooser;

/**
 * The Analysis view: the data perspective of docs/analysis.md in the workbench. On the left, what to analyse (base
 * model, the run the data comes from, data kinds); on the right, one tab each for perplexity under the base model,
 * influence on prior knowledge, and KL vs forgetting across runs. Every computation runs through the task executor
 * with the engine's analysis services; the view only draws what they return.
 */
public final class AnalysisView extends HBox {
    private final DataSelection data;
    private final PerplexityPanel perplexity;
    private final InfluencePanel influence;
    private final KlForgettingPanel kl;
    private final TabPane tabs = new TabPane();

    /**
     * @param runsDir   the runs folder the workbench follows (the KL table reads it)
     * @param baseModel the model folder offered as the base model at first (the workbench's), or null
     * @param files     where exports go (null: export buttons stay disabled)
     */
    public AnalysisView(RunFeed feed, Path runsDir, Path baseModel, AnalysisService service, TaskExecutor executor,
                        ExportFiles files, FolderChooser folderChooser) {
        super(12);
        setId("analysis-view");
        data = new DataSelection(feed, baseModel, folderChooser);
        perplexity = new PerplexityPanel(data, service, executor, files);
        influence = new InfluencePanel(data, service, executor, files);
        kl = new KlForgettingPanel(feed, runsDir, service, executor, files);

        tabs.setId("analysis-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs().addAll(tab("tab-perplexity", "Perplexity", perplexity), tab("tab-influence", "Influence", influence),
                tab("tab-kl", "KL vs forgetting", kl));
        HBox.setHgrow(tabs, Priority.ALWAYS);
        ScrollPane left = new ScrollPane(data);
        left.setFitToWidth(true);
        left.setMinWidth(260);
        left.setPrefWidth(300);
        getChildren().addAll(left, tabs);
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Tab t = new Tab(title, scroll);
        t.setId(id);
        return t;
    }

    /**
     * For {@code ./tessera screenshots}: computes perplexity on the newest run with logged rollouts (the default
     * puzzles when there is none) and calls {@code done} on the UI thread once it has settled, either way.
     */
    public void prepareScreenshot(Runnable done) {
        data.runs().stream().filter(r -> Files.isRegularFile(r.rolloutsFile())).findFirst().ifPresent(data::selectRun);
        tabs.getSelectionModel().select(0);
        perplexity.addSettledListener(ok -> done.run());
        perplexity.compute();
    }

    // For tests.

    DataSelection data() {
        return data;
    }

    PerplexityPanel perplexity() {
        return perplexity;
    }

    InfluencePanel influence() {
        return influence;
    }

    KlForgettingPanel kl() {
        return kl;
    }

    void select(int tab) {
        tabs.getSelectionModel().select(tab);
    }
}
