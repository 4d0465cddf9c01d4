package org.tessera.engine.cli;

import org.tessera.engine.model.qwen2_5_vl.QwenVlInit;
import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;
import org.tessera.engine.model.tiny.TinyVocabulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code tessera init-model}: a randomly initialised model, saved as a checkpoint folder. */
@Command(name = "init-model", mixinStandardHelpOptions = true,
        description = "Save a randomly initialised model (deterministic for --seed) into a folder: the built-in tiny "
                + "model, or a Qwen2.5-VL in the Hugging Face hub's layout (--architecture qwen2_5_vl --size tiny|3b).")
public final class InitModelCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, description = "folder to write (config.json, tokenizer.json, weights)")
    Path out;

    @Option(names = "--name", defaultValue = "tessera-tiny-random", description = "model name, built-in model only (default: ${DEFAULT-VALUE})")
    String name;

    @Option(names = "--seed", defaultValue = "0", description = "initialisation seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--architecture", defaultValue = TinyVlmConfig.ARCHITECTURE,
            description = "tessera-tiny-vlm or qwen2_5_vl (default: ${DEFAULT-VALUE})")
    String architecture;

    @Option(names = "--size", defaultValue = "tiny",
            description = "qwen2_5_vl only: tiny (a few 100k parameters) or 3b (Qwen2.5-VL-3B's shapes, 3.75 B "
                    + "parameters) (default: ${DEFAULT-VALUE})")
    String size;

    @Option(names = "--dtype", defaultValue = "bf16",
            description = "qwen2_5_vl only: weights on disk as bf16 (as on the hub; 7.5 GB for 3b) or f32 (15 GB) "
                    + "(default: ${DEFAULT-VALUE})")
    String dtype;

    @Override
    public Integer call() throws Exception {
        if (architecture.equals("qwen2_5_vl") || architecture.equals("Qwen2_5_VLForConditionalGeneration")) {
            String d = switch (dtype.toLowerCase()) {
                case "bf16", "bfloat16" -> "BF16";
                case "f32", "fp32", "float32" -> "F32";
                default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--dtype must be bf16 or f32, not '" + dtype + "'");
            };
            if (!size.equals("tiny") && !size.equals("3b")) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--size must be tiny or 3b, not '" + size + "'");
            }
            long t0 = System.nanoTime();
            long n = QwenVlInit.write(out, size, seed, d);
            System.out.printf("saved Qwen2.5-VL %s (%,d parameters, %s) to %s in %.1f s%n", size, n, d, out,
                    (System.nanoTime() - t0) / 1e9);
            return 0;
        }
        if (!architecture.equals(TinyVlmConfig.ARCHITECTURE)) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--architecture must be " + TinyVlmConfig.ARCHITECTURE + " or qwen2_5_vl, not '" + architecture + "'");
        }
        TinyTokenizer tok = TinyTokenizer.build(TinyVocabulary.words(List.of()));
        try (TinyVlm m = TinyVlm.create(TinyVlmConfig.defaults(name, tok.vocabSize()), tok, seed)) {
            m.save(out);
            System.out.printf("saved %s (%,d parameters) to %s%n", name, m.card().parameterCount(), out);
        }
        return 0;
    }
}
