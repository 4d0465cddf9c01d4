package org.tessera.engine.report;

import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.tessera.engine.testing.StdStreams;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.analysis.AnalysisDataException;
import org.tessera.engine.cli.TesseraCli;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tessera report} on two hand-written run folders: files, datasets, report.md and error messages. */
class ReportCommandTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final StdStreams std = new StdStreams();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }


    static String eval(long step, double wall, double exact, double hit, double grounding, double text) {
        return "{\"step\":" + step + ",\"event\":\"eval\",\"eval\":{\"jigsaw\":{\"suite\":\"jigsaw\",\"grid\":\"2x2\","
                + "\"exact\":" + exact + ",\"hit\":" + hit + ",\"format\":1.0,\"n\":100},\"knowledge\":{\"suite\":"
                + "\"knowledge\",\"model\":\"m\",\"families\":{\"grounding\":{\"accuracy\":" + grounding
                + ",\"format\":1.0,\"choice\":1.0,\"nll\":0.1,\"n\":30},\"text\":{\"accuracy\":" + text
                + ",\"format\":1.0,\"choice\":1.0,\"nll\":0.1,\"n\":30}},\"average\":{\"accuracy\":"
                + (grounding + text) / 2 + ",\"format\":1.0,\"choice\":1.0,\"nll\":0.1}},\"kl_knowledge\":0.01,"
                + "\"kl_task\":0.5,\"eval_seconds\":{\"jigsaw\":1.0}},\"wall_s\":" + wall + "}";
    }

    static String train(long step) {
        return "{\"step\":" + step + ",\"event\":\"train\",\"phase\":\"sft\",\"wall_s\":1.0,\"loss\":1.0}";
    }

    static Path run(Path runs, String folder, String name, String kind, String... lines) throws Exception {
        Path d = Files.createDirectories(runs.resolve(folder));
        String method = kind.equals("grpo") ? "{\"kind\":\"grpo\",\"steps\":20}"
                : "{\"kind\":\"sft\",\"steps\":20,\"sft\":{\"data\":\"answer-only\"}}";
        Files.writeString(d.resolve("experiment.json"), "{\"schema\":1,\"name\":\"" + name + "\",\"method\":" + method + "}");
        Files.writeString(d.resolve("run.json"), "{\"name\":\"" + name + "\",\"state\":\"FINISHED\",\"step\":20}");
        Files.writeString(d.resolve("metrics.jsonl"), String.join("\n", lines) + "\n");
        return d;
    }

    /** Two runs: an SFT run that learns and forgets, a GRPO run that learns less and keeps its knowledge. */
    private Path twoRuns() throws Exception {
        Path runs = dir.resolve("runs");
        run(runs, "20260101-000000-sft-a", "sft-a", "sft", eval(0, 5.0, 0.0, 0.0, 1.0, 0.8), train(1), train(10),
                eval(10, 20.5, 0.25, 0.5, 0.9, 0.6), train(20), eval(20, 41.25, 0.625, 0.75, 0.8, 0.4));
        run(runs, "20260101-000001-grpo-b", "grpo-b", "grpo", eval(0, 4.0, 0.0, 0.0, 1.0, 0.8),
                eval(20, 80.0, 0.375, 0.5, 1.0, 0.8));
        return runs;
    }

    @Test
    void writesEveryChartAsPngAndSvgOfTheRequestedSizeAndAReportPage() throws Exception {
        Path runs = twoRuns();
        Path outDir = dir.resolve("out");
        int rc = TesseraCli.execute("report", "--runs-dir", runs.toString(), "--out", outDir.toString());
        assertEquals(0, rc, std.err());
        for (String name : List.of("tradeoff", "jigsaw-vs-step", "knowledge-vs-step", "knowledge-change")) {
            BufferedImage png = ImageIO.read(outDir.resolve(name + ".png").toFile());
            assertNotNull(png, name + ".png decodes");
            assertEquals(Report.WIDTH, png.getWidth());
            assertEquals(Report.HEIGHT, png.getHeight());
            String svg = Files.readString(outDir.resolve(name + ".svg"));
            assertTrue(svg.contains("<svg ") && svg.matches("(?s).*width=['\"]900(\\.0)?['\"].*")
                    && svg.matches("(?s).*height=['\"]600(\\.0)?['\"].*"), name + ".svg");
        }
        String md = Files.readString(outDir.resolve("report.md"));
        assertTrue(md.contains("sft-a") && md.contains("grpo-b"), md);
        assertTrue(md.contains("| 0.625 |") && md.contains("| 0.375 |"), "final exact values: " + md);
        assertTrue(md.contains("| 41.3 |") || md.contains("| 41.2 |"), "wall seconds of the last eval: " + md);
        assertTrue(md.contains("![") && md.contains("tradeoff.png"), md);
        assertFalse(Files.exists(outDir.resolve("perplexity.png")), "no perplexity chart without --perplexity");
    }

    @Test
    void theTradeoffDatasetHasOneTrajectoryPerRunInStepOrder() throws Exception {
        RunSelection.Selected sel = RunSelection.select(twoRuns(), null);
        XYSeriesCollection c = ReportDatasets.tradeoff(sel.runs());
        assertEquals(2, c.getSeriesCount());
        XYSeries grpo = c.getSeries("grpo-b");
        XYSeries sft = c.getSeries("sft-a");
        assertEquals(2, grpo.getItemCount());
        assertEquals(3, sft.getItemCount());
        double[][] expected = {{0.0, 0.9}, {0.25, 0.75}, {0.625, 0.6}};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i][0], sft.getX(i).doubleValue(), 1e-12);
            assertEquals(expected[i][1], sft.getY(i).doubleValue(), 1e-12);
        }
        assertEquals(0.375, grpo.getX(1).doubleValue(), 1e-12);
        assertEquals(0.9, grpo.getY(1).doubleValue(), 1e-12);
        // the per-family change: last minus step 0, grouped by run
        var change = ReportDatasets.knowledgeChange(sel.runs());
        assertEquals(-0.4, change.getValue("sft-a", "text").doubleValue(), 1e-12);
        assertEquals(0.0, change.getValue("grpo-b", "grounding").doubleValue(), 1e-12);
    }

    @Test
    void theRunsFilterMatchesExperimentOrFolderNames() throws Exception {
        Path runs = twoRuns();
        assertEquals(List.of("sft-a"), RunSelection.select(runs, List.of("sft-a")).runs().stream()
                .map(ReportRun::label).toList());
        assertEquals(List.of("grpo-b"), RunSelection.select(runs, List.of("20260101-000001-grpo-b")).runs().stream()
                .map(ReportRun::label).toList());
        int rc = TesseraCli.execute("report", "--runs-dir", runs.toString(), "--runs", "nope", "--out",
                dir.resolve("o").toString());
        assertEquals(1, rc);
        assertTrue(std.err().contains("no run named nope"), std.err());
    }

    @Test
    void aRunWithoutEvalEventsIsSkippedNotFatal() throws Exception {
        Path runs = twoRuns();
        run(runs, "20260101-000002-empty", "empty", "sft", train(1));
        Report.Result r = Report.write(runs, null, dir.resolve("out"), null, null);
        assertEquals(2, r.runs().size());
        assertEquals(List.of("20260101-000002-empty: no eval events in metrics.jsonl"), r.skipped());
        assertTrue(Files.readString(dir.resolve("out").resolve("report.md")).contains("Skipped"));
    }

    @Test
    void aMalformedMetricsLineNamesFileAndLine() throws Exception {
        Path runs = twoRuns();
        Path bad = run(runs, "20260101-000003-bad", "bad", "sft", eval(0, 1, 0, 0, 1, 1), "{not json", eval(5, 2, 0, 0, 1, 1));
        int rc = TesseraCli.execute("report", "--runs-dir", runs.toString(), "--out", dir.resolve("o").toString());
        assertEquals(1, rc);
        String e = std.err();
        assertTrue(e.contains(bad.resolve("metrics.jsonl") + ":2: not valid JSON"), e);
        assertFalse(e.contains("\tat "), "no stack trace: " + e);
        assertFalse(Files.exists(dir.resolve("o").resolve("report.md")), "nothing written");
    }

    @Test
    void anEmptyOrMissingRunsDirIsAClearError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        AnalysisDataException e = assertThrows(AnalysisDataException.class, () -> RunSelection.select(empty, null));
        assertTrue(e.getMessage().startsWith(empty + ": no run folders"), e.getMessage());
        int rc = TesseraCli.execute("report", "--runs-dir", dir.resolve("missing").toString(), "--out",
                dir.resolve("o").toString());
        assertEquals(1, rc);
        assertTrue(std.err().contains(dir.resolve("missing") + ": not a folder"), std.err());
    }

    @Test
    void perplexityAndInfluenceJsonBecomeBarChartsAndABadFileIsNamed() throws Exception {
        Path runs = twoRuns();
        Path ppl = dir.resolve("ppl.json");
        Files.writeString(ppl, "{\"model\":\"m\",\"kinds\":[{\"kind\":\"answer-only\",\"n\":20,\"perplexity\":"
                + "{\"median\":3.5}},{\"kind\":\"teacher-reasoning\",\"n\":20,\"perplexity\":{\"median\":120.0}}]}");
        Path infl = dir.resolve("infl.json");
        Files.writeString(infl, "{\"eta\":1e-4,\"kinds\":[{\"group\":\"answer-only\",\"meanEntkLowerBound\":0.02},"
                + "{\"group\":\"rollouts\",\"meanEntkLowerBound\":0.005}]}");
        Path outDir = dir.resolve("out");
        assertEquals(0, TesseraCli.execute("report", "--runs-dir", runs.toString(), "--out", outDir.toString(),
                "--perplexity", ppl.toString(), "--influence", infl.toString()), std.err());
        for (String name : List.of("perplexity", "influence")) {
            BufferedImage png = ImageIO.read(outDir.resolve(name + ".png").toFile());
            assertEquals(Report.WIDTH, png.getWidth());
            assertTrue(Files.size(outDir.resolve(name + ".svg")) > 0);
        }
        assertEquals(120.0, AnalysisJsonFiles.medianPerplexity(ppl).get("teacher-reasoning"), 1e-12);

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"kinds\": [\n  {oops\n]}");
        assertEquals(1, TesseraCli.execute("report", "--runs-dir", runs.toString(), "--out", outDir.toString(),
                "--influence", broken.toString()));
        assertTrue(std.err().contains(broken + ":3: not valid JSON"), std.err());
        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, "{\"runs\": []}");
        AnalysisDataException e = assertThrows(AnalysisDataException.class,
                () -> AnalysisJsonFiles.medianPerplexity(wrong));
        assertTrue(e.getMessage().startsWith(wrong + ": no \"kinds\" array"), e.getMessage());
    }
}
