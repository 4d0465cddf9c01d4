package org.tessera.engine.analysis;

import org.tessera.engine.jigsaw.JigsawText;
import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;
import org.tessera.engine.model.tiny.TinyVocabulary;
import org.tessera.engine.world.WorldText;

import java.nio.file.Path;
import java.util.List;

/** A very small random-weight model that knows the words of the jigsaw and knowledge texts. */
final class AnalysisFixtures {
    private AnalysisFixtures() {
    }

    static TinyVlm model(long seed) {
        TinyTokenizer tok = TinyTokenizer.build(TinyVocabulary.words(List.of(WorldText.vocabularyWords(),
                JigsawText.vocabularyWords())));
        TinyVlmConfig c = new TinyVlmConfig(TinyVlmConfig.ARCHITECTURE, "analysis-fixture", tok.vocabSize(), 32, 1, 2,
                64, 160, 48, 8, 16, 1e-5f, 0.02f);
        return TinyVlm.create(c, tok, seed);
    }

    static Path saveModel(Path dir) {
        try (TinyVlm m = model(5)) {
            m.save(dir);
        }
        return dir;
    }
}
