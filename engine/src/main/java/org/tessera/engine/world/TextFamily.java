package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text-only knowledge (MMMU's role), no picture. Half the items are sums of three digits, reasoned through the
 * first partial sum ("what is 3 + 4 + 2 ?" -> {@code <think>3 + 4 is 7 .</think><answer>9</answer>}); the
 * operand triples are split between train and held-out by content, so held-out sums are new to the model. The other
 * half are facts from the fixed {@link FactTable}, answered directly.
 */
public final class TextFamily implements KnowledgeFamily {
    public static final String NAME = "text";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        return new WorldExample(null, ctx.chance(0.5) ? sum(ctx) : fact(ctx));
    }

    private KnowledgeItem sum(FamilyContext ctx) {
        int a;
        int b;
        int c;
        do {
            a = ctx.nextInt(10);
            b = ctx.nextInt(10);
            c = ctx.nextInt(10);
        } while (!ctx.split().containsKey(sumKey(a, b, c)));
        int total = a + b + c;
        String answer = Integer.toString(total);
        String thought = a + " + " + b + " is " + (a + b) + " .";
        List<String> proposals = new ArrayList<>();
        for (int d : new int[]{1, -1, 2, -2, 10, -10, 3}) {
            if (total + d >= 0) {
                proposals.add(Integer.toString(total + d));
            }
        }
        return new KnowledgeItem(NAME, ctx.id(), null, "what is " + a + " + " + b + " + " + c + " ?", answer,
                Completions.reasoned(thought, answer), Candidates.pick(ctx, answer, proposals, List.of(), AnswerKind.NUMBER),
                AnswerKind.NUMBER);
    }

    static String sumKey(int a, int b, int c) {
        return "sum:" + a + "+" + b + "+" + c;
    }

    private KnowledgeItem fact(FamilyContext ctx) {
        FactTable.Fact f = ctx.pick(ctx.pick(FactTable.CATEGORIES));
        return new KnowledgeItem(NAME, ctx.id(), null, f.question(), f.answer(), Completions.answer(f.answer()),
                Candidates.pick(ctx, f.answer(), List.of(), f.candidates(), f.kind()), f.kind());
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words("what is + + ?", "is ."));
        for (FactTable.Fact f : FactTable.all()) {
            w.addAll(WorldText.words(f.question(), f.answer()));
            w.addAll(WorldText.words(f.candidates().toArray(new String[0])));
        }
        w.addAll(WorldText.enumWords());
        return w;
    }
}
