package org.tessera.engine.runs;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.methods.JigsawMethod;
import org.tessera.engine.methods.KnowledgeSetups;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** A run trains on the device its experiment names, and run.json says which device and precision it used. */
class RunDeviceTest {
    @TempDir
    static Path tmp;
    static Path model;

    @BeforeAll
    static void model() {
        model = TinyRunFixture.saveModel(tmp.resolve("model"));
    }

    @AfterEach
    void forgetDevice() {
        System.clearProperty("tessera.device"); // the worker sets it for its process; tests share one JVM
    }

    private static RunFolder folder(String device, String name) {
        String json = TinyRunFixture.experiment(model, "sft", 2).replace("\"seed\": 1,",
                "\"seed\": 1, \"device\": \"" + device + "\",");
        Experiment e = ExperimentLoader.parse(json, Path.of(name));
        return RunManager.createFolder(tmp.resolve("runs-" + name), e);
    }

    private static RunWorker worker() {
        return new RunWorker(() -> new JigsawMethod(KnowledgeSetups.world(), tmp));
    }

    @Test
    void runJsonRecordsTheDeviceAndPrecisionTheWorkerUsed() {
        RunFolder f = folder("cpu", "cpu");
        assertEquals(0, worker().run(f.dir()));
        RunInfo info = f.info();
        assertEquals("cpu()", info.device());
        assertEquals("fp32", info.precision());
    }

    @Test
    void aGpuExperimentOnAMachineWithoutOneFailsAndSaysWhatToDo() {
        assumeTrue(Engine.getInstance().getGpuCount() == 0, "this machine has a GPU");
        RunFolder f = folder("gpu", "gpu");
        assertEquals(1, worker().run(f.dir()));
        RunInfo info = f.info();
        assertEquals(RunState.FAILED, info.state());
        assertTrue(info.message().contains("sees no GPU") && info.message().contains("gpu-setup"), info.message());
    }
}
