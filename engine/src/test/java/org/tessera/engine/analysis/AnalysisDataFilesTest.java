package org.tessera.engine.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The strict rollouts reader: every problem names the file and the line. */
class AnalysisDataFilesTest {
    static final String GOOD = "{\"step\": 3, \"puzzle\": {\"id\": \"p-1-4\", \"seed\": 1, \"index\": 4, \"split\": \"train\","
            + " \"grid\": \"2x2\"}, \"samples\": [{\"text\": \"<answer>1 2\\n3 4</answer>\", \"exact\": true},"
            + " {\"text\": \"<answer>2 1\\n3 4</answer>\", \"exact\": false}]}";

    @TempDir
    Path dir;

    @Test
    void readsGroupsAndSamples() throws Exception {
        Path f = write(GOOD + "\n\n" + GOOD.replace("\"step\": 3", "\"step\": 7") + "\n");
        List<RolloutsFile.Group> groups = RolloutsFile.read(f);
        assertEquals(2, groups.size());
        assertEquals(3, groups.get(0).step());
        assertEquals(7, groups.get(1).step());
        assertEquals(3, groups.get(1).line());
        assertEquals(List.of(true, false), groups.get(0).samples().stream().map(RolloutsFile.Sample::exact).toList());
        assertEquals(4, groups.get(0).index());
    }

    @Test
    void anEmptyFileIsAnErrorNamingIt() throws Exception {
        Path f = write("\n  \n");
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> RolloutsFile.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        Path f = dir.resolve("nope.jsonl");
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> RolloutsFile.read(f));
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void aMalformedLineIsAnErrorNamingFileAndLine() throws Exception {
        Path f = write(GOOD + "\n{\"step\": 4, \"puzzle\": oops}\n" + GOOD + "\n");
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> RolloutsFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ":2: not valid JSON"), e.getMessage());
    }

    @Test
    void aLineMissingAFieldIsAnErrorNamingTheField() throws Exception {
        Path f = write(GOOD + "\n" + GOOD + "\n" + GOOD.replace("\"index\": 4, ", "") + "\n");
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> RolloutsFile.read(f));
        assertEquals(f + ":3: puzzle.index is missing or not an integer", e.getMessage());
        Path g = write(GOOD.replace("\"text\": \"<answer>1 2\\n3 4</answer>\"", "\"text\": 5") + "\n");
        e = assertThrows(AnalysisDataException.class, () -> RolloutsFile.read(g));
        assertEquals(g + ":1: samples[0].text is missing or not a string", e.getMessage());
    }

    @Test
    void aCutOffLastLineOfARunStillWritingIsIgnored() throws Exception {
        Path f = write(GOOD + "\n" + GOOD.substring(0, 40));
        assertEquals(1, RolloutsFile.read(f).size());
    }

    @Test
    void rolloutsNeedTheirRunsExperimentBesideThem() throws Exception {
        Path f = write(GOOD + "\n");
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> TrainingSets.ofRun(f, org.tessera.engine.jigsaw.PromptWording.WORLD));
        assertTrue(e.getMessage().contains("experiment.json"), e.getMessage());
    }

    private Path write(String text) throws Exception {
        Path f = Files.createTempFile(dir, "rollouts", ".jsonl");
        Files.writeString(f, text);
        return f;
    }
}
