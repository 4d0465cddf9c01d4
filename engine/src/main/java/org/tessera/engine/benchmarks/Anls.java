package org.tessera.engine.benchmarks;

import java.util.List;

/**
 * Average Normalized Levenshtein Similarity, DocVQA's metric, per question: the best over the accepted answers of
 * 1 - edit distance / longer length, both lowercased with whitespace collapsed, and 0 when that is below 0.5
 * (VLMEvalKit's {@code anls_compute} with its 0.5 threshold).
 */
public final class Anls {
    public static final double THRESHOLD = 0.5;

    private Anls() {
    }

    public static double score(String prediction, List<String> answers) {
        if (prediction == null) {
            return 0;
        }
        double best = 0;
        for (String a : answers) {
            best = Math.max(best, similarity(prediction, a));
        }
        return best < THRESHOLD ? 0 : best;
    }

    /** 1 - normalised edit distance of the two normalised strings (1 for two empty strings). */
    static double similarity(String a, String b) {
        String x = normalise(a);
        String y = normalise(b);
        int longer = Math.max(x.length(), y.length());
        return longer == 0 ? 1 : 1 - (double) levenshtein(x, y) / longer;
    }

    static String normalise(String s) {
        return s.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
