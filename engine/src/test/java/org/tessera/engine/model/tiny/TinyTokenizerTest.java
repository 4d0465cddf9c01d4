package org.tessera.engine.model.tiny;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tessera.engine.model.ModelLoadException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TinyTokenizerTest {
    final TinyTokenizer tok = TestModels.tokenizer();

    @Test
    void roundTripsTemplatesAndArbitraryAsciiText() {
        List<String> texts = List.of(
                "where is the red circle ?",
                "<think>i see the red circle in cell 3 .</think><answer>3</answer>",
                "<answer>2 1\n4 3</answer>",
                "  leading spaces, double  spaces and trailing ",
                "unknownword Mixed CASE 12345 [1, 2, 3]",
                "<answer> yes </answer>\n\n",
                "");
        for (String t : texts) {
            assertEquals(t, tok.decode(tok.encode(t)), "round trip of '" + t + "'");
        }
        Random rnd = new Random(1);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = rnd.nextInt(30);
            for (int k = 0; k < n; k++) {
                int r = rnd.nextInt(10);
                sb.append(r == 0 ? '\n' : r < 3 ? ' ' : (char) (33 + rnd.nextInt(94)));
            }
            assertEquals(sb.toString(), tok.decode(tok.encode(sb.toString())));
        }
    }

    @Test
    void knownWordsAreSingleTokensAndSpecialsAreAtomic() {
        int[] ids = tok.encode("<answer>yes</answer>");
        assertEquals(3, ids.length);
        assertEquals("<answer>", tok.tokenText(ids[0]));
        assertEquals("yes", tok.tokenText(ids[1]));
        assertEquals(2, tok.encode("the circle").length);
        assertEquals(5, tok.encode("zebra").length, "unknown words are spelled letter by letter");
    }

    @Test
    void nonAsciiBecomesUnknownWithoutFailing() {
        String decoded = tok.decode(tok.encode("café"));
        assertEquals("caf?", decoded);
    }

    @Test
    void saveAndLoadKeepIds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tokenizer.json");
        tok.save(f);
        TinyTokenizer back = TinyTokenizer.load(f);
        assertEquals(tok.vocabSize(), back.vocabSize());
        String t = "<think>i see</think><answer>no</answer>";
        assertArrayEquals(tok.encode(t), back.encode(t));
    }

    @Test
    void corruptTokenizerFileNamesTheProblem(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("tokenizer.json");
        Files.writeString(f, "{\"format\":\"tessera-word-level\",\"version\":1,\"tokens\":[\"a\",\"b\"]}");
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> TinyTokenizer.load(f));
        assertTrue(e.getMessage().contains("tokenizer.json") && e.getMessage().contains("<pad>"), e.getMessage());
        Files.writeString(f, "{not json");
        e = assertThrows(ModelLoadException.class, () -> TinyTokenizer.load(f));
        assertTrue(e.getMessage().contains("not a valid tokenizer file"), e.getMessage());
    }
}
