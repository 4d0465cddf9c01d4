package org.tessera.engine.model.tiny;

import org.junit.jupiter.api.Test;
import org.tessera.engine.model.Prompt;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The SFT loss mask selects exactly the completion tokens and EOS: prompt tokens never contribute. */
class BatchEncoderTest {
    @Test
    void lossMaskCoversCompletionAndEosOnly() {
        TinyTokenizer tok = TestModels.tokenizer();
        BatchEncoder enc = new BatchEncoder(TestModels.smallConfig(tok.vocabSize()), tok);
        List<Prompt> prompts = List.of(Prompt.text("where is the red circle ?"), Prompt.of(TestModels.image(1), "yes"));
        List<int[]> completions = List.of(tok.encode("<answer>3</answer>"), tok.encode("no"));
        EncodedBatch b = enc.encodeCompletions(prompts, completions, true);
        for (int i = 0; i < 2; i++) {
            int promptLen = enc.promptTokens(prompts.get(i)).length;
            int[] completion = completions.get(i);
            int masked = 0;
            for (int j = 0; j < b.textLength(); j++) {
                float m = b.targetMask()[i * b.textLength() + j];
                boolean predictsCompletion = j + 1 >= promptLen && j + 1 <= promptLen + completion.length;
                assertEquals(predictsCompletion ? 1f : 0f, m, "row " + i + " column " + j);
                if (m > 0) {
                    int target = (int) b.targets()[i * b.textLength() + j];
                    int k = j + 1 - promptLen;
                    assertEquals(k < completion.length ? completion[k] : tok.eosId(), target);
                    masked++;
                }
            }
            assertEquals(completion.length + 1, masked, "completion tokens + EOS");
        }
    }
}
