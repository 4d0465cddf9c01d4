package org.tessera.engine.experiment;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every experiment file in sample-configs/ loads (the replication's commands run them as committed). */
class SampleConfigsTest {
    private static Path folder() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("sample-configs"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("no sample-configs/ above " + Path.of("").toAbsolutePath());
        }
        return p.resolve("sample-configs");
    }

    @Test
    void everySampleExperimentLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder())) {
            files = s.filter(f -> f.toString().endsWith(".json")).filter(ExperimentLoader::isExperimentFile).sorted()
                    .toList();
        }
        assertFalse(files.isEmpty());
        for (Path f : files) {
            ExperimentLoader.load(f); // throws with every problem listed
        }
    }

    @Test
    void theReaSelfSampleHarvestsThePolicyWithAnswerBalance() {
        Experiment e = ExperimentLoader.load(folder().resolve("rft-then-sft.json"));
        assertEquals("policy", e.method().harvest().from());
        assertFalse(e.method().harvest().perAnswer() == 0, "per_answer caps a favourite answer");
    }
}
