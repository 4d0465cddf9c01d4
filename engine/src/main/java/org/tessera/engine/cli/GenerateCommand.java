package org.tessera.engine.cli;

import org.tessera.engine.io.TesseraJson;

import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TrainableModel;
import org.tessera.engine.model.qwen2_5_vl.QwenVl;
import org.tessera.engine.model.qwen2_5_vl.RopeIndex;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tessera generate}: completions of one prompt (with images), with their token ids. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Print a model's completions of a prompt about an image, with their token ids (greedy by default).")
public final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--image", description = "image file (PNG/JPEG); repeat for several images")
    List<Path> images = new ArrayList<>();

    @Option(names = "--prompt", required = true, description = "the user's message (put into the model's chat template)")
    String prompt;

    @Option(names = "--raw", description = "use --prompt as the whole model input, special tokens kept; each "
            + "<|image_pad|> is expanded to its image's tokens (Hugging Face models only)")
    boolean raw;

    @Option(names = "--max-new-tokens", defaultValue = "64", description = "token limit (default: ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 = greedy (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--samples", defaultValue = "1", description = "completions to sample (default: ${DEFAULT-VALUE})")
    int samples;

    @Option(names = "--seed", defaultValue = "0", description = "sampling seed (default: ${DEFAULT-VALUE})")
    long seed;

    /**
     * auto follows transformers: its processor hands the model {@code mm_token_type_ids}, so a chat prompt gets
     * get_rope_index's 3-D positions; a raw call with only input ids, pixels and grids gets 1-D positions in
     * transformers 5 (see {@link RopeIndex}), so {@code --raw} reproduces that call, token for token.
     */
    @Option(names = "--rope-index", defaultValue = "auto",
            description = "Qwen2.5-VL positions around images: multimodal (get_rope_index's 3-D positions, as "
                    + "transformers with its processor), sequential (1-D, as transformers 5 on a raw forward call "
                    + "without mm_token_type_ids) or auto = sequential with --raw, multimodal without "
                    + "(default: ${DEFAULT-VALUE})")
    String ropeIndex;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<BufferedImage> imgs = new ArrayList<>();
        for (Path p : images) {
            if (!Files.isRegularFile(p)) {
                throw new CommandLine.ParameterException(new CommandLine(this), "image not found: " + p);
            }
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                throw new CommandLine.ParameterException(new CommandLine(this), "not a readable image: " + p);
            }
            imgs.add(img);
        }
        GenerationOptions o = temperature == 0 ? new GenerationOptions(maxNewTokens, 0f, samples, seed, true)
                : GenerationOptions.sampling(maxNewTokens, temperature, samples, seed);
        List<Generation> gens;
        try (TrainableModel m = ModelLoader.load(model.dir(), true)) {
            if (m instanceof QwenVl q) {
                q.ropeIndex(switch (ropeIndex) {
                    case "auto" -> raw ? RopeIndex.SEQUENTIAL : RopeIndex.MULTIMODAL;
                    case "multimodal" -> RopeIndex.MULTIMODAL;
                    case "sequential" -> RopeIndex.SEQUENTIAL;
                    default -> throw new CommandLine.ParameterException(new CommandLine(this),
                            "--rope-index must be auto, multimodal or sequential (was '" + ropeIndex + "')");
                });
                gens = raw ? q.generateSequences(List.of(q.encodeRaw(prompt, imgs)), o).get(0)
                        : q.generate(List.of(new Prompt(imgs, prompt)), o).get(0);
            } else {
                if (raw) {
                    throw new CommandLine.ParameterException(new CommandLine(this),
                            "--raw needs a Hugging Face model (this one is " + m.card().architecture() + ")");
                }
                gens = m.generate(List.of(new Prompt(imgs, prompt)), o).get(0);
            }
        }
        if (json) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Generation g : gens) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("text", g.text());
                r.put("token_ids", g.tokens());
                r.put("log_prob", g.logProb());
                r.put("stopped_at_eos", g.stoppedAtEos());
                out.add(r);
            }
            System.out.println(TesseraJson.INDENTED
                    .writeValueAsString(Map.of("completions", out)));
        } else {
            for (int i = 0; i < gens.size(); i++) {
                Generation g = gens.get(i);
                System.out.printf("[%d] %s%n    tokens %s%s%n", i + 1, g.text(), java.util.Arrays.toString(g.tokens()),
                        g.stoppedAtEos() ? " <eos>" : "");
            }
        }
        return 0;
    }
}
