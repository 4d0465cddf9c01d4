package org.tessera.engine.world;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Token count as the built-in word-level tokenizer splits text (its rule, restated for tests). */
final class WorldTokens {
    private static final Pattern TOKEN = Pattern.compile("</?think>|</?answer>|[A-Za-z]+|[0-9]|\\S");

    private WorldTokens() {
    }

    static int count(String text) {
        Matcher m = TOKEN.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
