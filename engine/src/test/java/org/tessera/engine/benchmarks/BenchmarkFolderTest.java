package org.tessera.engine.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test folder (benchmarks-demo --n 6 --malformed): kinds, valid rows, and every malformed row by file and line. */
class BenchmarkFolderTest {
    static Path testFolder() throws Exception {
        return Path.of(BenchmarkFolderTest.class.getResource("/benchmarks/MMStar-demo.tsv").toURI()).getParent();
    }

    static Map<String, Benchmark> byName(List<Benchmark> list) {
        return list.stream().collect(Collectors.toMap(Benchmark::name, Function.identity()));
    }

    @Test
    void readsEveryFormatAndDetectsKinds() throws Exception {
        Map<String, Benchmark> b = byName(BenchmarkFolder.read(testFolder()));
        assertEquals(List.of("DocVQA-demo", "MMStar-demo", "POPE-demo", "RefCOCO-demo"),
                BenchmarkFolder.read(testFolder()).stream().map(Benchmark::name).toList());
        assertEquals(BenchmarkKind.MULTIPLE_CHOICE, b.get("MMStar-demo").kind());
        assertEquals(BenchmarkKind.YES_NO, b.get("POPE-demo").kind());
        assertEquals(BenchmarkKind.GROUNDING, b.get("RefCOCO-demo").kind());
        assertEquals(BenchmarkKind.SHORT_ANSWER, b.get("DocVQA-demo").kind());
        assertEquals("jsonl", b.get("DocVQA-demo").format());
        // six good rows each; MMStar's bad-image row and DocVQA's missing file only show when their pictures load
        assertEquals(7, b.get("MMStar-demo").rows().size());
        assertEquals(6, b.get("POPE-demo").rows().size());
        assertEquals(6, b.get("RefCOCO-demo").rows().size());
        assertEquals(7, b.get("DocVQA-demo").rows().size());
    }

    @Test
    void everyMalformedRowIsNamedByFileAndLine() throws Exception {
        List<Benchmark> all = BenchmarkFolder.read(testFolder());
        List<String> skipped = BenchmarkSuite.draw(all, 100, 1, org.tessera.engine.model.AnswerConvention
                .plainOriginalPixels()).skipped().stream().map(s -> s.file().getFileName() + ":" + s.line() + ": "
                + s.reason()).toList();
        assertEquals(List.of(
                "DocVQA-demo.jsonl:7: not valid JSON: Unexpected end-of-input: expected close marker for Object",
                "DocVQA-demo.jsonl:8: the image is missing",
                "DocVQA-demo.jsonl:9: image file " + testFolder().resolve("images/missing.png") + " does not exist",
                "MMStar-demo.tsv:8: has 4 fields, the header has 9",
                "MMStar-demo.tsv:9: the answer 'E' is not one of the option letters [A, B]",
                "MMStar-demo.tsv:10: the image is not valid base64 (Last unit does not have enough valid bits)",
                "POPE-demo.tsv:8: the answer 'maybe' is not yes or no",
                "POPE-demo.tsv:9: the image field '999' names no row that holds a picture",
                "RefCOCO-demo.tsv:8: the answer '[30, 10, 20, 40]' is not a box [x1, y1, x2, y2] with positive width "
                        + "and height",
                "RefCOCO-demo.tsv:9: the question is empty"), skipped);
    }

    @Test
    void rowsReadAsWritten() throws Exception {
        Map<String, Benchmark> b = byName(BenchmarkFolder.read(testFolder()));
        BenchmarkRow mc = b.get("MMStar-demo").rows().get(0);
        assertEquals(2, mc.line());
        assertTrue(mc.options().containsKey(mc.answer()) && mc.options().size() >= 2, mc.toString());
        BenchmarkRow ground = b.get("RefCOCO-demo").rows().get(0);
        assertTrue(ground.question().startsWith("the "), ground.question());
        assertTrue(ground.box().x2() - ground.box().x1() == 8 || ground.box().x2() - ground.box().x1() == 14);
    }

    @Test
    void benchmarksJsonNamesKindsAndBoxFormat(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("boxes.tsv"), "index\timage\tquestion\tanswer\n"
                + "1\t" + "x".repeat(80) + "\tthe cat\t10,20,30,40\n"
                + "2\t1\tthe dog\t0,0,5,5\n");
        Files.writeString(tmp.resolve(BenchmarkFolder.MANIFEST),
                "{\"boxes.tsv\": {\"name\": \"refcoco\", \"kind\": \"grounding\", \"box_format\": \"xywh\"}}");
        Benchmark b = BenchmarkFolder.read(tmp).get(0);
        assertEquals("refcoco", b.name());
        assertEquals(BenchmarkKind.GROUNDING, b.kind());
        assertEquals(new Box(10, 20, 40, 60), b.rows().get(0).box());
    }

    @Test
    void aBrokenFolderSaysWhat(@TempDir Path tmp) throws Exception {
        Exception missing = assertThrows(BenchmarkFolder.FolderException.class,
                () -> BenchmarkFolder.read(tmp.resolve("nowhere")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        Exception empty = assertThrows(BenchmarkFolder.FolderException.class, () -> BenchmarkFolder.read(tmp));
        assertTrue(empty.getMessage().contains("no benchmark files"), empty.getMessage());
        Files.writeString(tmp.resolve("a.tsv"), "index\tquestion\n1\tq\n");
        Files.writeString(tmp.resolve(BenchmarkFolder.MANIFEST), "{\"a.tsv\": {\"kind\": \"essay\"}}");
        Exception manifest = assertThrows(BenchmarkFolder.FolderException.class, () -> BenchmarkFolder.read(tmp));
        assertTrue(manifest.getMessage().contains("$['a.tsv'].kind"), manifest.getMessage());
        Files.delete(tmp.resolve(BenchmarkFolder.MANIFEST));
        Benchmark noImages = BenchmarkFolder.read(tmp).get(0);
        assertEquals(0, noImages.rows().size());
        assertTrue(noImages.skipped().get(0).toString().contains("a.tsv:1: the header lacks the column(s) answer, "
                + "image (or image_path)"), noImages.skipped().toString());
    }

    @Test
    void multiPictureRowsEmptyPicturesAndImagePaths(@TempDir Path tmp) throws Exception {
        java.awt.image.BufferedImage a = new java.awt.image.BufferedImage(30, 20, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.image.BufferedImage b = new java.awt.image.BufferedImage(10, 40, java.awt.image.BufferedImage.TYPE_INT_RGB);
        String list = "['" + DemoBenchmarks.base64(a) + "', '" + DemoBenchmarks.base64(b) + "']";
        Files.writeString(tmp.resolve("mmmu.tsv"), "index\tquestion\tA\tB\tanswer\timage\n"
                + "1\tWhich is taller?\tleft\tright\tB\t" + list + "\n"
                + "2\tWhich is wider?\tleft\tright\tA\t\n");
        javax.imageio.ImageIO.write(a, "png", tmp.resolve("pic.png").toFile());
        Files.writeString(tmp.resolve("paths.tsv"), "index\tquestion\tanswer\timage_path\n1\tis it dark?\tyes\tpic.png\n"
                + "2\tis it light?\tno\tpic.png\n");
        Map<String, Benchmark> all = byName(BenchmarkFolder.read(tmp));
        Benchmark mmmu = all.get("mmmu");
        assertEquals(1, mmmu.rows().size());
        assertEquals("[" + tmp.resolve("mmmu.tsv") + ":3: the image is empty]", mmmu.skipped().toString());
        List<Picture> pics = mmmu.images().load(mmmu.rows(), new java.util.ArrayList<>()).get(mmmu.rows().get(0));
        assertEquals(List.of(30, 10), pics.stream().map(Picture::width).toList());
        Benchmark paths = all.get("paths");
        assertEquals(BenchmarkKind.YES_NO, paths.kind());
        assertEquals(2, paths.images().load(paths.rows(), new java.util.ArrayList<>()).size());
    }
}
