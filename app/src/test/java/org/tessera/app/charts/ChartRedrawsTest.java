package org.tessera.app.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Points change the data at once; the picture is redrawn once for all of them, later, and only when shown. */
@ExtendWith(ApplicationExtension.class)
class ChartRedrawsTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void manyChangesMakeOneDeferredRedrawAndHiddenChartsWaitUntilShown(FxRobot robot) throws Exception {
        DashboardChart c = DashboardChart.create("loss", "Loss", "step", "loss", false,
                (m, r) -> List.of(new DashboardChart.Line("loss", null)));
        JFreeChart chart = c.chart();
        ChartRedraws redraws = new ChartRedraws(25, 8);
        AtomicInteger draws = new AtomicInteger();
        StackPane root = new StackPane();
        ChartViewer viewer = new ChartViewer(chart);
        robot.interact(() -> {
            root.getChildren().add(viewer);
            redraws.track(viewer);
            // After the viewer's canvas: counts the chart changes the canvas redraws for.
            chart.addChangeListener(e -> draws.incrementAndGet());
            stage.setScene(new Scene(root, 400, 300));
            stage.show();
        });

        int[] during = new int[1];
        long[] drawnBefore = new long[1];
        robot.interact(() -> {
            drawnBefore[0] = redraws.redraws();
            int before = draws.get();
            redraws.changing(chart);
            XYSeries s = c.series("run");
            for (int step = 1; step <= 50; step++) {
                s.add(step, 1.0 / step);
            }
            during[0] = draws.get() - before;
        });
        assertEquals(0, during[0], "adding points does not redraw");
        assertEquals(50, c.data().getSeries(0).getItemCount(), "the data changed at once");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !redraws.pending(chart));
        assertEquals(drawnBefore[0] + 1, redraws.redraws(), "one redraw for all 50 points");
        assertTrue(chart.isNotify());

        // Hidden: changes wait; shown again: drawn.
        robot.interact(() -> root.getChildren().remove(viewer));
        robot.interact(() -> {
            redraws.changing(chart);
            c.series("run").add(51, 0.01);
        });
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(redraws.pending(chart), "not drawn while hidden");
        assertFalse(chart.isNotify());
        robot.interact(() -> root.getChildren().add(viewer));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !redraws.pending(chart));
        assertEquals(drawnBefore[0] + 2, redraws.redraws());
    }

    @Test
    void aChartScrolledOutOfViewIsDrawnWhenScrolledBack(FxRobot robot) throws Exception {
        DashboardChart c = DashboardChart.create("lr", "LR", "step", "lr", false,
                (m, r) -> List.of(new DashboardChart.Line("lr", null)));
        ChartRedraws redraws = new ChartRedraws(25, 8);
        ChartViewer viewer = new ChartViewer(c.chart());
        viewer.setPrefSize(300, 200);
        javafx.scene.layout.Region filler = new javafx.scene.layout.Region();
        filler.setPrefHeight(1000);
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(
                new javafx.scene.layout.VBox(new javafx.scene.control.Button("takes the focus"), filler, viewer));
        robot.interact(() -> {
            redraws.track(viewer);
            stage.setScene(new Scene(scroll, 400, 300));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> viewer.getLayoutY() >= 1000); // laid out
        // (the button holds the focus: a scroll pane scrolls its focused node into view)
        robot.interact(() -> {
            assertFalse(ChartRedraws.inView(viewer), "below the viewport");
            redraws.changing(c.chart());
            c.series("run").add(1, 0.001);
        });
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(redraws.pending(c.chart()), "not drawn while scrolled out of view");
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !redraws.pending(c.chart()));
        assertTrue(c.chart().isNotify());
    }
}
