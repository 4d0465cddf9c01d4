package org.tessera.engine.benchmarks;

import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.world.Colour;
import org.tessera.engine.world.FamilyContext;
import org.tessera.engine.world.FamilySampler;
import org.tessera.engine.world.Families;
import org.tessera.engine.world.Grid;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.Scene;
import org.tessera.engine.world.SceneObject;
import org.tessera.engine.world.SceneRenderer;
import org.tessera.engine.world.SceneSpec;
import org.tessera.engine.world.ShapeKind;
import org.tessera.engine.world.Split;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small benchmark files in the formats users have, drawn from the world's held-out scenes (no real benchmark can be
 * downloaded here): {@code MMStar-demo.tsv} (multiple choice from the perception and vqa families, VLMEvalKit TSV),
 * {@code POPE-demo.tsv} (yes/no, three questions per picture, the later rows naming the first row's index instead
 * of repeating the picture, as VLMEvalKit does), {@code RefCOCO-demo.tsv} (a box for "the red square", in pixels
 * of the 48x48 picture) and {@code DocVQA-demo.jsonl} (what is written, pictures as PNG files under
 * {@code images/}). With {@code malformed}, each file also gets rows that break one rule each, to show and test the
 * messages. The same seed writes the same files.
 */
public final class DemoBenchmarks {
    private DemoBenchmarks() {
    }

    /** Writes the files into {@code dir}; returns their paths. */
    public static List<Path> write(Path dir, int n, long seed, boolean malformed) {
        try {
            Files.createDirectories(dir.resolve("images"));
            List<Path> out = new ArrayList<>();
            out.add(write(dir.resolve("MMStar-demo.tsv"), multipleChoice(n, seed, malformed)));
            out.add(write(dir.resolve("POPE-demo.tsv"), yesNo(n, seed, malformed)));
            out.add(write(dir.resolve("RefCOCO-demo.tsv"), grounding(n, seed, malformed)));
            out.add(write(dir.resolve("DocVQA-demo.jsonl"), reading(dir, n, seed, malformed)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo benchmarks into " + dir, e);
        }
    }

    private static Path write(Path file, String text) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static String multipleChoice(int n, long seed, boolean malformed) {
        StringBuilder tsv = new StringBuilder("index\tquestion\tA\tB\tC\tD\tanswer\tcategory\timage\n");
        List<KnowledgeItem> items = new ArrayList<>();
        int perception = (n + 1) / 2;
        items.addAll(new FamilySampler(Families.byName("perception"), Split.HELD_OUT, seed).items(perception));
        items.addAll(new FamilySampler(Families.byName("vqa"), Split.HELD_OUT, seed).items(n - perception));
        Random rng = new Random(seed);
        for (int i = 0; i < items.size(); i++) {
            KnowledgeItem it = items.get(i);
            List<String> options = new ArrayList<>(it.candidates());
            Collections.shuffle(options, rng);
            String[] cols = new String[4];
            for (int k = 0; k < 4; k++) {
                cols[k] = k < options.size() ? options.get(k) : "";
            }
            String letter = String.valueOf((char) ('A' + options.indexOf(it.answer())));
            tsv.append(row(i, it.question(), cols[0], cols[1], cols[2], cols[3], letter, it.family(),
                    base64(it.image())));
        }
        if (malformed) {
            String img = base64(items.get(0).image());
            tsv.append(n).append("\twhat colour is the shape in cell 2 ?\tred\tblue\n"); // too few fields
            tsv.append(row(n + 1, "what shape is in cell 5 ?", "circle", "square", "", "", "E", "perception", img));
            tsv.append(row(n + 2, "what size is the shape in cell 1 ?", "big", "small", "", "", "A", "perception",
                    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAAD" + "x".repeat(40)));
        }
        return tsv.toString();
    }

    private static String yesNo(int n, long seed, boolean malformed) {
        StringBuilder tsv = new StringBuilder("index\tquestion\tanswer\tcategory\timage\n");
        Random rng = new Random(seed + 1);
        FamilyContext ctx = new FamilyContext(rng, Split.HELD_OUT, SceneSpec.MAX_OBJECTS, "pope");
        int index = 0;
        while (index < n) {
            Scene scene = ctx.scene(SceneSpec.shapes(2, 4), s -> true);
            String image = base64(SceneRenderer.render(scene));
            int first = index;
            List<String[]> questions = popeQuestions(scene, rng);
            for (String[] q : questions) {
                if (index == n) {
                    break;
                }
                tsv.append(row(index, q[0], q[1], q[2], index == first ? image : Integer.toString(first)));
                index++;
            }
        }
        if (malformed) {
            tsv.append(row(n, "is there a red circle ?", "maybe", "random", "0"));
            tsv.append(row(n + 1, "is there a blue cross ?", "no", "random", "999"));
        }
        return tsv.toString();
    }

    /** POPE's three kinds: an object that is there, one that is not (random), one whose colour and kind both are. */
    private static List<String[]> popeQuestions(Scene scene, Random rng) {
        List<String[]> out = new ArrayList<>();
        SceneObject present = scene.objects().get(rng.nextInt(scene.objects().size()));
        out.add(new String[] {"is there a " + present.name() + " ?", "yes", "present"});
        List<String[]> absent = new ArrayList<>();
        List<String[]> adversarial = new ArrayList<>();
        for (Colour c : Colour.values()) {
            for (ShapeKind k : ShapeKind.values()) {
                boolean there = scene.objects().stream().anyMatch(o -> o.colour() == c && o.kind() == k);
                if (there) {
                    continue;
                }
                boolean hard = scene.objects().stream().anyMatch(o -> o.colour() == c)
                        && scene.objects().stream().anyMatch(o -> o.kind() == k);
                (hard ? adversarial : absent).add(new String[] {"is there a " + c.word() + " " + k.word() + " ?", "no",
                        hard ? "adversarial" : "random"});
            }
        }
        out.add(absent.get(rng.nextInt(absent.size())));
        if (!adversarial.isEmpty()) {
            out.add(adversarial.get(rng.nextInt(adversarial.size())));
        }
        return out;
    }

    private static String grounding(int n, long seed, boolean malformed) {
        StringBuilder tsv = new StringBuilder("index\tquestion\tanswer\tcategory\timage\n");
        Random rng = new Random(seed + 2);
        FamilyContext ctx = new FamilyContext(rng, Split.HELD_OUT, SceneSpec.MAX_OBJECTS, "refcoco");
        for (int i = 0; i < n; i++) {
            Scene scene = ctx.scene(SceneSpec.shapes(2, 4), s -> true);
            SceneObject o = scene.objects().get(rng.nextInt(scene.objects().size()));
            tsv.append(row(i, "the " + o.name(), box(o).toString(), o.size().name().toLowerCase(java.util.Locale.ROOT),
                    base64(SceneRenderer.render(scene))));
        }
        if (malformed) {
            tsv.append(row(n, "the red square", "[30, 10, 20, 40]", "big", "0"));
            tsv.append(row(n + 1, "", "[1, 1, 9, 9]", "small", "0"));
        }
        return tsv.toString();
    }

    /** The object's pixel box: its extent centred in its 16-pixel cell. */
    static Box box(SceneObject o) {
        double margin = (Grid.CELL_PIXELS - o.size().extent()) / 2.0;
        double x = Grid.left(o.cell()) + margin;
        double y = Grid.top(o.cell()) + margin;
        return new Box(x, y, x + o.size().extent(), y + o.size().extent());
    }

    private static String reading(Path dir, int n, long seed, boolean malformed) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        List<KnowledgeItem> items = new FamilySampler(Families.byName("reading"), Split.HELD_OUT, seed).items(n);
        com.fasterxml.jackson.databind.ObjectMapper json = org.tessera.engine.io.TesseraJson.MAPPER;
        for (int i = 0; i < items.size(); i++) {
            KnowledgeItem it = items.get(i);
            String image = "images/DocVQA-demo-" + i + ".png";
            ImageIO.write(it.image(), "png", dir.resolve(image).toFile());
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", "docvqa-" + i);
            row.put("image", image);
            row.put("question", it.question());
            row.put("answers", List.copyOf(new java.util.LinkedHashSet<>(List.of(it.answer(), it.answer().replace(" ", "")))));
            jsonl.append(json.writeValueAsString(row)).append('\n');
        }
        if (malformed) {
            jsonl.append("{\"id\": \"broken\", \"question\": \"what is written ?\"\n");
            jsonl.append("{\"id\": \"no-image\", \"question\": \"what is written ?\", \"answers\": [\"k\"]}\n");
            jsonl.append("{\"id\": \"lost-image\", \"image\": \"images/missing.png\", \"question\": \"what is written ?\","
                    + " \"answers\": [\"t\"]}\n");
        }
        return jsonl.toString();
    }

    private static String row(Object... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.length; i++) {
            sb.append(i == 0 ? "" : "\t").append(fields[i]);
        }
        return sb.append('\n').toString();
    }

    static String base64(BufferedImage img) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }
}
