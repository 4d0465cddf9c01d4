package org.tessera.engine.runs;

import org.tessera.engine.jigsaw.JigsawText;
import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;
import org.tessera.engine.model.tiny.TinyVocabulary;
import org.tessera.engine.world.WorldText;

import java.nio.file.Path;
import java.util.List;

/** A very small real model and experiment, so run tests exercise the whole pipeline in seconds. */
final class TinyRunFixture {
    private TinyRunFixture() {
    }

    static Path saveModel(Path dir) {
        TinyTokenizer tok = TinyTokenizer.build(TinyVocabulary.words(List.of(WorldText.vocabularyWords(),
                JigsawText.vocabularyWords())));
        TinyVlmConfig c = new TinyVlmConfig(TinyVlmConfig.ARCHITECTURE, "fixture", tok.vocabSize(), 32, 1, 2, 64, 160,
                48, 8, 16, 1e-5f, 0.02f);
        try (TinyVlm m = TinyVlm.create(c, tok, 5)) {
            m.save(dir);
        }
        return dir;
    }

    static String experiment(Path model, String kind, int steps) {
        String method = switch (kind) {
            case "sft" -> "{\"kind\": \"sft\", \"steps\": " + steps + ", \"batch_size\": 4, \"lr\": 0.001, "
                    + "\"sft\": {\"data\": \"answer-only\"}}";
            case "grpo" -> "{\"kind\": \"grpo\", \"steps\": " + steps + ", \"lr\": 0.001, \"grpo\": {\"group_size\": 4, "
                    + "\"prompts_per_step\": 2, \"max_new_tokens\": 6}}";
            default -> "{\"kind\": \"rft-then-sft\", \"steps\": " + steps + ", \"sft_steps\": " + steps
                    + ", \"batch_size\": 4, \"lr\": 0.001, \"grpo\": {\"group_size\": 4, \"prompts_per_step\": 2, "
                    + "\"max_new_tokens\": 6}}";
        };
        return "{\"schema\": 1, \"name\": \"fixture-" + kind + "\", \"base_model\": \"" + model.toAbsolutePath()
                + "\", \"seed\": 1, \"task\": {\"grid\": \"2x2\", \"source\": \"procedural\", \"prompt\": \"answer-only\","
                + " \"train_size\": 40, \"test_size\": 4}, \"method\": " + method + ", \"eval\": {\"every\": 6, "
                + "\"jigsaw_n\": 2, \"knowledge_n\": 1, \"kl_probe_n\": 2, \"max_new_tokens\": 6}, "
                + "\"checkpoint\": {\"every\": 4, \"keep\": 2}, \"rollouts\": {\"log_every\": 2}}";
    }
}
