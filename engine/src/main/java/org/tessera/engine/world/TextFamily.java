package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Text-only knowledge (MMMU's role), no picture. 40 % of the items are sums of three digits, reasoned through the
 * first partial sum ("what is 3 + 4 + 2 ?" -> {@code <think>3 + 4 is 7 .</think><answer>9</answer>}); 35 % are
 * facts from the fixed {@link FactTable}, answered directly; 25 % are rankings ("positions are 1 to 4 , small to
 * big . for each number , 7 2 9 4 , write the position where it belongs ." -> {@code <answer>3 1 4 2</answer>}):
 * "order these digits" in the shape of a jigsaw answer (one position per item, a permutation of 1..n), with no
 * picture, so it gives no second meaning to the cell numbers that grounding answers with. Sums and rankings are
 * split between train and held-out by content, so held-out ones are new to the model.
 */
public final class TextFamily implements KnowledgeFamily {
    public static final String NAME = "text";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        double r = ctx.rng().nextDouble();
        return new WorldExample(null, r < 0.4 ? sum(ctx) : r < 0.75 ? fact(ctx) : rank(ctx));
    }

    private KnowledgeItem rank(FamilyContext ctx) {
        List<Integer> numbers = new ArrayList<>();
        do {
            int n = 2 + Math.min(2, ctx.nextInt(4)); // 2, 3, 4, 4: mostly as long as a 2x2 jigsaw answer
            numbers.clear();
            while (numbers.size() < n) {
                int d = ctx.nextInt(10);
                if (!numbers.contains(d)) {
                    numbers.add(d);
                }
            }
        } while (!ctx.split().containsKey(rankKey(numbers)));
        List<Integer> positions = WorldText.ranks(numbers);
        String answer = WorldText.joinNumbers(positions);
        List<String> proposals = Candidates.shuffledLists(ctx, positions, 6);
        String question = "positions are 1 to " + numbers.size() + " , small to big . for each number , "
                + WorldText.joinNumbers(numbers)
                + " , write the position where it belongs .";
        return new KnowledgeItem(NAME, ctx.id(), null, question, answer, Completions.answer(answer),
                Candidates.pick(ctx, answer, proposals, List.of(), AnswerKind.CELL_LIST), AnswerKind.CELL_LIST);
    }

    static String rankKey(List<Integer> numbers) {
        return "rank:" + WorldText.joinNumbers(numbers);
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
        Set<String> w = new TreeSet<>(WorldText.words("what is + + ?", "is .",
                "positions are 1 to , small to big . for each number , write the position where it belongs ."));
        for (FactTable.Fact f : FactTable.all()) {
            w.addAll(WorldText.words(f.question(), f.answer()));
            w.addAll(WorldText.words(f.candidates().toArray(new String[0])));
        }
        w.addAll(WorldText.enumWords());
        return w;
    }
}
