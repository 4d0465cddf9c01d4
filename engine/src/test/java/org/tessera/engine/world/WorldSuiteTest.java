package org.tessera.engine.world;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.tessera.engine.jobs.RecordingMonitor;
import org.tessera.engine.model.Prompt;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suite's scores on scripted models whose right answers are known in advance. */
class WorldSuiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Per-token log-probabilities fixed by the text, so any completion has a reproducible, arbitrary score. */
    static double[] hashedLogProbs(Prompt p, String completion) {
        Random r = new Random((p.text() + "\u0000" + completion).hashCode());
        double[] lp = new double[WorldTokens.count(completion) + 1];
        for (int i = 0; i < lp.length; i++) {
            lp[i] = -3 * r.nextDouble();
        }
        return lp;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void aModelThatKnowsEverythingScoresOneAndTheJsonHasTheDocumentedShape() throws Exception {
        Map<String, List<KnowledgeItem>> items = KnowledgeSuite.heldOutItems(6, 1);
        ScriptedModel model = new ScriptedModel(
                p -> ScriptedModel.stopped(targetOf(items, p)),
                (p, c) -> {
                    double perToken = c.equals(targetOf(items, p)) ? -1 : -4;
                    double[] lp = new double[WorldTokens.count(c) + 1];
                    java.util.Arrays.fill(lp, perToken);
                    return lp;
                });
        SuiteResult r = new KnowledgeSuite().evaluate(model, items);
        JsonNode root = JSON.readTree(JSON.writeValueAsString(r));
        assertEquals(List.of("suite", "model", "families", "average"), fieldNames(root));
        assertEquals("knowledge", root.get("suite").asText());
        assertEquals("scripted", root.get("model").asText());
        assertEquals(Families.names(), fieldNames(root.get("families")));
        for (String f : Families.names()) {
            JsonNode s = root.get("families").get(f);
            assertEquals(List.of("accuracy", "format", "choice", "nll", "n"), fieldNames(s));
            assertEquals(1.0, s.get("accuracy").asDouble(), f);
            assertEquals(1.0, s.get("format").asDouble(), f);
            assertEquals(1.0, s.get("choice").asDouble(), f);
            assertEquals(1.0, s.get("nll").asDouble(), 1e-12, f);
            assertEquals(6, s.get("n").asInt());
            assertTrue(s.get("n").isInt());
        }
        assertEquals(List.of("accuracy", "format", "choice", "nll"), fieldNames(root.get("average")));
        assertEquals(1.0, root.get("average").get("accuracy").asDouble());
    }

    /** The item whose prompt this is (prompts are rebuilt by the suite, so match on text and picture). */
    private static String targetOf(Map<String, List<KnowledgeItem>> items, Prompt p) {
        for (List<KnowledgeItem> l : items.values()) {
            for (KnowledgeItem i : l) {
                if (i.question().equals(p.text()) && (i.image() == null ? p.images().isEmpty()
                        : !p.images().isEmpty() && p.images().get(0) == i.image())) {
                    return i.target();
                }
            }
        }
        throw new AssertionError("unknown prompt " + p.text());
    }

    /** One log-probability for every token of a completion, fixed by the text: sum and mean rank differently. */
    static double[] constantPerToken(Prompt p, String completion) {
        double perToken = -0.2 - new Random((p.text() + "|" + completion).hashCode()).nextDouble();
        double[] lp = new double[WorldTokens.count(completion) + 1];
        java.util.Arrays.fill(lp, perToken);
        return lp;
    }

    @Test
    void choiceRanksBySummedLogProbabilityNotByMean() {
        List<KnowledgeItem> reading = new FamilySampler(new ReadingFamily(), Split.HELD_OUT, 4).items(300);
        ScriptedModel model = new ScriptedModel(p -> ScriptedModel.stopped(""), WorldSuiteTest::constantPerToken);
        SuiteResult r = new KnowledgeSuite().evaluate(model, Map.of("reading", reading));
        int bySum = 0;
        int byMean = 0;
        for (KnowledgeItem i : reading) {
            bySum += firstBy(i, true) ? 1 : 0;
            byMean += firstBy(i, false) ? 1 : 0;
        }
        assertTrue(bySum != byMean, "the scores must tell sum from mean ranking");
        assertEquals(bySum / 300.0, r.families().get("reading").choice(), 1e-12);
    }

    private static boolean firstBy(KnowledgeItem i, boolean sum) {
        double ref = value(i, i.answer(), sum);
        return i.candidates().stream().filter(c -> !c.equals(i.answer())).allMatch(c -> value(i, c, sum) < ref);
    }

    private static double value(KnowledgeItem i, String candidate, boolean sum) {
        double[] lp = constantPerToken(i.prompt(), i.completionFor(candidate));
        return sum ? lp[0] * lp.length : lp[0];
    }

    @Test
    void aModelThatAlwaysSaysOneTwoThreeFourHasNoFormatNoAccuracyButKeepsItsLikelihoodRanking() {
        Map<String, List<KnowledgeItem>> items = KnowledgeSuite.heldOutItems(40, 2);
        ScriptedModel model = new ScriptedModel(p -> ScriptedModel.stopped("1 2 3 4"), WorldSuiteTest::hashedLogProbs);
        KnowledgeSuite.Run run = new KnowledgeSuite().evaluateDetailed(model, items);
        for (String f : Families.names()) {
            SuiteResult.FamilyScore s = run.result().families().get(f);
            assertEquals(0.0, s.format(), f);
            assertEquals(0.0, s.accuracy(), f);
            int ranked = 0;
            double nll = 0;
            for (KnowledgeItem i : items.get(f)) {
                double best = Double.NEGATIVE_INFINITY;
                String arg = null;
                boolean tie = false;
                for (String c : i.candidates()) {
                    double sum = 0;
                    for (double v : hashedLogProbs(i.prompt(), i.completionFor(c))) {
                        sum += v;
                    }
                    if (sum > best) {
                        best = sum;
                        arg = c;
                        tie = false;
                    } else if (sum == best) {
                        tie = true;
                    }
                }
                ranked += i.answer().equals(arg) && !tie ? 1 : 0;
                double[] ref = hashedLogProbs(i.prompt(), i.target());
                double s2 = 0;
                for (double v : ref) {
                    s2 -= v;
                }
                nll += s2 / ref.length;
            }
            assertEquals(ranked / 40.0, s.choice(), 1e-12, f);
            assertEquals(nll / 40.0, s.nll(), 1e-9, f);
            assertTrue(s.choice() > 0, f + ": a random likelihood still ranks some references first");
        }
    }

    @Test
    void rightAnswersThatDoNotStopOrSkipTheReasoningCountForAccuracyButNotFormat() {
        Map<String, List<KnowledgeItem>> items = KnowledgeSuite.heldOutItems(30, 3);
        ScriptedModel runsOn = new ScriptedModel(
                p -> new org.tessera.engine.model.Generation(targetOf(items, p) + " 1 2", new int[0], 0, false),
                WorldSuiteTest::hashedLogProbs);
        SuiteResult r = new KnowledgeSuite().evaluate(runsOn, items);
        for (SuiteResult.FamilyScore s : r.families().values()) {
            assertEquals(1.0, s.accuracy());
            assertEquals(0.0, s.format());
        }
        ScriptedModel noThinking = new ScriptedModel(
                p -> ScriptedModel.stopped(Completions.answer(Completions.parseAnswer(targetOf(items, p)))),
                WorldSuiteTest::hashedLogProbs);
        SuiteResult r2 = new KnowledgeSuite().evaluate(noThinking, items);
        assertEquals(0.0, r2.families().get("grounding").format());
        assertEquals(1.0, r2.families().get("grounding").accuracy());
        assertEquals(1.0, r2.families().get("perception").format());
        double vqaFormat = r2.families().get("vqa").format();
        assertTrue(vqaFormat > 0 && vqaFormat < 1, "vqa mixes direct and reasoned templates: " + vqaFormat);
    }

    @Test
    void callsAreBatchedAcrossFamiliesAndDefaultSizeIsFastOnOurSide() {
        long t0 = System.nanoTime();
        ScriptedModel model = new ScriptedModel(p -> ScriptedModel.stopped("<answer>1</answer>"), WorldSuiteTest::hashedLogProbs);
        SuiteResult r = new KnowledgeSuite().evaluate(model, KnowledgeSuite.DEFAULT_N, KnowledgeSuite.DEFAULT_SEED);
        double seconds = (System.nanoTime() - t0) / 1e9;
        int total = 6 * KnowledgeSuite.DEFAULT_N;
        assertEquals(List.of(256, 256, total - 512), model.generateCallSizes);
        int scored = model.scoreCallSizes.stream().mapToInt(Integer::intValue).sum();
        assertTrue(model.scoreCallSizes.stream().allMatch(n -> n <= 1024));
        assertTrue(scored <= total * 6, "candidate completions " + scored + " for " + total + " items");
        // the longest reference (a list by kind checked cell by cell, 31 tokens) plus the margin
        assertTrue(model.lastMaxNewTokens <= 35, "max new tokens " + model.lastMaxNewTokens);
        assertTrue(seconds < 10, "suite overhead " + seconds + " s");
        r.families().values().forEach(s -> assertEquals(KnowledgeSuite.DEFAULT_N, s.n()));
    }

    @Test
    void theMonitorSeesEveryBatchAndCancelStopsBetweenBatchesWithoutChangingTheScores() {
        ScriptedModel plain = new ScriptedModel(p -> ScriptedModel.stopped("<answer>1</answer>"), WorldSuiteTest::hashedLogProbs);
        SuiteResult unmonitored = new KnowledgeSuite(256, 1024).evaluate(plain, KnowledgeSuite.DEFAULT_N,
                KnowledgeSuite.DEFAULT_SEED);
        ScriptedModel watched = new ScriptedModel(p -> ScriptedModel.stopped("<answer>1</answer>"), WorldSuiteTest::hashedLogProbs);
        RecordingMonitor monitor = new RecordingMonitor();
        SuiteResult monitored = new KnowledgeSuite(256, 1024).evaluate(watched, KnowledgeSuite.DEFAULT_N,
                KnowledgeSuite.DEFAULT_SEED, monitor);
        assertEquals(unmonitored, monitored);
        assertEquals(plain.generateCallSizes, watched.generateCallSizes);
        assertEquals(plain.scoreCallSizes, watched.scoreCallSizes);
        int total = 6 * KnowledgeSuite.DEFAULT_N;
        String t = KnowledgeSuite.TASK + " ";
        // generating: before the first batch and after each; then scoring, counted on top of the generated items
        assertEquals(List.of(t + "0/" + 2 * total, t + "256/" + 2 * total, t + "512/" + 2 * total,
                t + total + "/" + 2 * total), monitor.seen.subList(0, 4));
        assertEquals(t + 2 * total + "/" + 2 * total, monitor.seen.get(monitor.seen.size() - 1));
        assertTrue(monitor.seen.size() > 5, "one call per scoring batch: " + monitor.seen);

        // cancelled once the first generation batch is reported: no second generate call, no scoring
        ScriptedModel stopped = new ScriptedModel(p -> ScriptedModel.stopped("<answer>1</answer>"), WorldSuiteTest::hashedLogProbs);
        CancellationException stop = assertThrows(CancellationException.class, () -> new KnowledgeSuite(256, 1024)
                .evaluate(stopped, KnowledgeSuite.DEFAULT_N, KnowledgeSuite.DEFAULT_SEED, new RecordingMonitor(2)));
        assertEquals(List.of(256), stopped.generateCallSizes);
        assertEquals(List.of(), stopped.scoreCallSizes);
        assertTrue(stop.getMessage().contains("item 256 of " + total), stop.getMessage());
    }
}
