package org.tessera.engine.cli;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.world.Families;
import org.tessera.engine.world.FamilySampler;
import org.tessera.engine.world.KnowledgeFamily;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.Split;
import org.tessera.engine.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code tessera world --out DIR}: writes sample items of every knowledge family as PNG pictures plus one
 * {@code samples.jsonl} line per item, for people to look at what the model is taught and tested on.
 */
@Command(name = "world", mixinStandardHelpOptions = true,
        description = "Write sample items of each knowledge family (PNG + samples.jsonl) into a folder.")
public final class WorldSamplesCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Folder to write into (created if needed).")
    Path out;

    @Option(names = "--n", defaultValue = "4", description = "Items per family (default: ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--split", defaultValue = "HELD_OUT",
            description = "TRAIN or HELD_OUT (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(names = "--scale", defaultValue = "4",
            description = "Enlarge pictures by this whole factor, nearest neighbour (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--family", split = ",", description = "Only these families (default: all).")
    List<String> families;

    @Override
    public Integer call() throws IOException {
        if (n < 1 || scale < 1) {
            System.err.println("--n and --scale must be >= 1");
            return 2;
        }
        List<KnowledgeFamily> chosen;
        try {
            chosen = families == null ? Families.all() : families.stream().map(Families::byName).toList();
        } catch (java.util.NoSuchElementException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        Files.createDirectories(out);
        ObjectMapper json = TesseraJson.MAPPER;
        Path jsonl = out.resolve("samples.jsonl");
        Path tmp = out.resolve("samples.jsonl.tmp");
        int written = 0;
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            for (KnowledgeFamily f : chosen) {
                FamilySampler sampler = new FamilySampler(f, split, seed);
                for (int i = 0; i < n; i++) {
                    KnowledgeItem item = sampler.next().item();
                    String png = null;
                    if (item.image() != null) {
                        png = f.name() + "-" + i + ".png";
                        writePng(enlarge(item.image(), scale), out.resolve(png));
                    }
                    w.write(json.writeValueAsString(line(item, png)));
                    w.write('\n');
                    written++;
                }
            }
        }
        // the JSONL appears complete or not at all
        Files.move(tmp, jsonl, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + written + " items to " + jsonl);
        return 0;
    }

    private static Map<String, Object> line(KnowledgeItem item, String png) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", item.family());
        m.put("id", item.id());
        m.put("image", png);
        m.put("question", item.question());
        m.put("answer", item.answer());
        m.put("target", item.target());
        m.put("candidates", item.candidates());
        m.put("kind", item.kind().name());
        return m;
    }

    static BufferedImage enlarge(BufferedImage src, int scale) {
        BufferedImage big = new BufferedImage(src.getWidth() * scale, src.getHeight() * scale, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < big.getHeight(); y++) {
            for (int x = 0; x < big.getWidth(); x++) {
                big.setRGB(x, y, src.getRGB(x / scale, y / scale));
            }
        }
        return big;
    }

    private static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, tmp -> {
            if (!ImageIO.write(img, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
