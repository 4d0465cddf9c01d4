package org.tessera.engine.runs;

import ai.djl.Device;
import org.tessera.engine.experiment.Experiment;
import org.tessera.engine.experiment.ExperimentLoader;
import org.tessera.engine.gpu.Precision;
import org.tessera.engine.model.Devices;
import org.tessera.engine.train.DivergedException;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Executes one run folder in the current process and leaves run.json in a terminal state that says what
 * happened. The workbench starts it as a separate process ({@code tessera worker DIR}), so a crash in training
 * code, native ones included, never takes the window down; the CLI runs it in-process.
 */
public final class RunWorker {
    private final Supplier<ExperimentMethod> methods;

    public RunWorker(Supplier<ExperimentMethod> methods) {
        this.methods = methods;
    }

    /** Returns the process exit code: 0 finished, 1 failed, 3 cancelled. */
    public int run(Path dir) {
        RunFolder folder = new RunFolder(dir);
        RunInfo initial = folder.info();
        Experiment experiment = ExperimentLoader.load(folder.experimentFile());
        Device device;
        try {
            // the experiment's device (cpu, gpu) wins over the process's setting; auto keeps it
            Devices.preferForThisProcess(experiment.device());
            device = Devices.select();
        } catch (RuntimeException e) {
            folder.writeInfo(initial.with(RunState.FAILED, e.getMessage()));
            return 1;
        }
        RunInfo info = initial.startedBy(ProcessHandle.current().pid(), device.toString(), versions(),
                Precision.describe(device));
        folder.writeControl(RunControl.NONE);
        folder.writeInfo(info);
        RunContext ctx = new RunContext(folder, info);
        try (AutoCloseable beating = Heartbeat.beat(folder)) {
            methods.get().run(experiment, ctx);
            folder.writeInfo(ctx.info().with(RunState.FINISHED, "finished at step " + ctx.info().step()));
            return 0;
        } catch (RunCancelledException e) {
            folder.writeInfo(ctx.info().with(RunState.CANCELLED, e.getMessage() + kept(ctx)));
            return 3;
        } catch (DivergedException e) {
            folder.writeInfo(ctx.info().with(RunState.FAILED, "diverged at step " + e.step() + kept(ctx)));
            return 1;
        } catch (Throwable e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            try {
                folder.writeInfo(ctx.info().with(RunState.FAILED, msg + kept(ctx)));
            } catch (RuntimeException writeFailed) {
                // e.g. the disk is full: say so where we still can; the manager marks the run failed on exit
                System.err.println("run failed: " + msg + "; and run.json could not be updated: "
                        + writeFailed.getMessage());
            }
            e.printStackTrace();
            return 1;
        }
    }

    private static String kept(RunContext ctx) {
        String ck = ctx.info().lastCheckpoint();
        return ck == null ? "; metrics kept, no checkpoint yet" : "; metrics and last good checkpoint " + ck + " kept";
    }

    static Map<String, String> versions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tessera", org.tessera.engine.Version.current());
        v.put("java", System.getProperty("java.version"));
        v.put("djl", ai.djl.engine.Engine.getDjlVersion());
        v.put("engine", ai.djl.engine.Engine.getInstance().getEngineName() + " "
                + ai.djl.engine.Engine.getInstance().getVersion());
        return v;
    }
}
