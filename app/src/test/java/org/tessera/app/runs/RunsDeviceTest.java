package org.tessera.app.runs;

import org.tessera.app.session.RunsWorkspace;
import org.tessera.app.widgets.ExperimentFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.app.task.CurrentThreadTaskExecutor;
import org.tessera.engine.runs.RunFolder;
import org.tessera.engine.runs.RunInfo;
import org.tessera.engine.runs.RunState;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Where runs train: the form always offers auto / cpu / gpu, and the table shows the device each run used. */
@ExtendWith(ApplicationExtension.class)
class RunsDeviceTest {
    @TempDir
    Path temp;
    private Stage stage;
    private RunsWorkspace workspace;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    @Test
    void theFormOffersTheDeviceAndTheTableShowsWhatEachRunUsed(FxRobot robot) throws Exception {
        Path runs = Files.createDirectories(temp.resolve("runs"));
        RunFolder gpu = TestRuns.write(runs, "20260101-100000-gpu", TestRuns.experiment("gpu", "sft", 0.001),
                RunState.FINISHED, 20, List.of(), List.of());
        RunInfo i = gpu.info();
        gpu.writeInfo(new RunInfo(i.name(), i.state(), i.message(), i.pid(), "gpu(0)", i.step(), i.totalSteps(),
                i.createdMs(), i.startedMs(), i.updatedMs(), i.finishedMs(), i.lastCheckpoint(), i.versions(),
                "fp32 (TF32 matmuls allowed)"));
        Path experiment = temp.resolve("e.json");
        Files.writeString(experiment, TestRuns.experiment("e", "sft", 0.001)); // no "device" field
        workspace = TestRuns.workspace(runs, null);
        ExperimentFiles files = TestRuns.opening(() -> experiment);
        robot.interact(() -> {
            stage.setScene(new Scene(new RunsView(workspace, new CurrentThreadTaskExecutor(), files), 1200, 800));
            stage.show();
        });
        robot.clickOn("#open-experiment");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        ComboBox<String> device = robot.lookup("#field-device").queryAs(ComboBox.class);
        assertEquals(List.of("auto", "cpu", "gpu"), device.getItems());
        assertEquals("auto", device.getValue());

        @SuppressWarnings("unchecked")
        TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        @SuppressWarnings("unchecked")
        TableColumn<RunRow, String> column = (TableColumn<RunRow, String>) table.getColumns().stream()
                .filter(c -> c.getText().equals("Device")).findFirst().orElseThrow();
        assertEquals("gpu(0) \u00b7 TF32", column.getCellData(0));
    }
}
