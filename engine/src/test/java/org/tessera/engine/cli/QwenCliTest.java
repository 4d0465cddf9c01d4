package org.tessera.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.MappedSafetensors;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** generate, init-model and bench model on Qwen2.5-VL folders. */
class QwenCliTest {
    static Path fixture() throws Exception {
        return Path.of(QwenCliTest.class.getResource("/hf/qwen2_5_vl-tiny/config.json").toURI()).getParent();
    }

    static String run(Object command, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true));
        try {
            int rc = new CommandLine(command).execute(args);
            assertEquals(0, rc, "exit code of " + String.join(" ", args) + "\n" + buf);
        } finally {
            System.setOut(old);
        }
        return buf.toString();
    }

    @Test
    void generateRawPrintsTheReferenceGreedyTokens() throws Exception {
        Path dir = fixture();
        String prompt = new ObjectMapper().readTree(dir.resolve("prompt.json").toFile()).get("prompt").asText();
        String out = run(new GenerateCommand(), "--model", dir.toString(), "--image", dir.resolve("image.png").toString(),
                "--prompt", prompt, "--raw", "--max-new-tokens", "8", "--json");
        JsonNode ids = new ObjectMapper().readTree(out).at("/completions/0/token_ids");
        long[] got = new long[ids.size()];
        for (int i = 0; i < got.length; i++) {
            got[i] = ids.get(i).asLong();
        }
        long[] ref;
        try (MappedSafetensors f = MappedSafetensors.open(dir.resolve("reference.safetensors"))) {
            ref = f.readLong("greedy_new_tokens");
        }
        assertArrayEquals(ref, got, "--raw defaults to transformers' raw-call positions (1-D)");
        String multimodal = run(new GenerateCommand(), "--model", dir.toString(), "--image",
                dir.resolve("image.png").toString(), "--prompt", prompt, "--raw", "--max-new-tokens", "8",
                "--rope-index", "multimodal", "--json");
        JsonNode mm = new ObjectMapper().readTree(multimodal).at("/completions/0/token_ids");
        assertEquals(8, mm.size());
        boolean differs = false;
        for (int i = 0; i < mm.size(); i++) {
            differs |= mm.get(i).asLong() != ref[i];
        }
        assertTrue(differs, "--rope-index multimodal is honoured (3-D positions give other tokens on this fixture)");
    }

    @Test
    void initModelWritesALoadableRandomQwenThatGeneratesAndBenchmarks(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("qwen-tiny");
        run(new InitModelCommand(), "--architecture", "qwen2_5_vl", "--size", "tiny", "--out", dir.toString(),
                "--seed", "3");
        assertTrue(Files.isRegularFile(dir.resolve("model.safetensors")));
        try (TrainableModel m = ModelLoader.load(dir, true)) {
            assertEquals("Qwen2_5_VLForConditionalGeneration", m.card().architecture());
            assertEquals("BF16", m.card().config().get("dtype_on_disk"));
        }
        String info = run(new InfoCommand(), "--model", dir.toString());
        assertTrue(info.contains("Qwen2_5_VLForConditionalGeneration") && info.contains("vision_parameters"), info);
        Path image = tmp.resolve("img.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(56, 84, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "png", image.toFile());
        String gen = run(new GenerateCommand(), "--model", dir.toString(), "--image", image.toString(), "--prompt",
                "which tile goes first?", "--temperature", "1", "--samples", "3", "--max-new-tokens", "5", "--json");
        assertEquals(3, new ObjectMapper().readTree(gen).get("completions").size());
        String bench = run(new BenchCommand(), "model", "--model", dir.toString(), "--batch", "2", "--text-len", "6",
                "--completion-len", "4", "--image-size", "56", "--steps", "1", "--forward-steps", "1",
                "--gen-prompts", "2", "--gen-samples", "2", "--gen-tokens", "4", "--json");
        JsonNode b = new ObjectMapper().readTree(bench);
        assertTrue(b.get("forward_tokens_per_s").asDouble() > 0 && b.get("train_tokens_per_s").asDouble() > 0
                && b.get("sample_tokens_per_s").asDouble() > 0, bench);
    }
}
