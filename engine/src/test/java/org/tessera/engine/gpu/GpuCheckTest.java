package org.tessera.engine.gpu;

import org.junit.jupiter.api.Test;
import org.tessera.engine.model.ModelLoader;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** gpu-check's comparison, run CPU against CPU (CI has no GPU): the same model on one device agrees exactly. */
class GpuCheckTest {
    @Test
    void theShippedModelAndAQwenFolderAgreeWithThemselves() {
        GpuCheck check = new GpuCheck(s -> { });
        for (Path dir : new Path[] {Path.of("..").resolve(ModelLoader.DEFAULT_MODEL),
                Path.of("src/test/resources/hf/qwen2_5_vl-tiny")}) {
            GpuCheck.ModelResult r = check.model(dir, "cpu", "cpu");
            assertEquals(0.0, r.maxAbsDiff(), dir.toString());
            assertTrue(r.ok() && r.cpuTokensPerS() > 0 && r.gpuTokensPerS() > 0, dir.toString());
        }
    }

    @Test
    void differentSizesAreAnErrorNotAPass() {
        try {
            GpuCheck.maxAbsDiff(new float[2], new float[3]);
        } catch (IllegalStateException e) {
            return;
        }
        throw new AssertionError("expected an exception");
    }
}
