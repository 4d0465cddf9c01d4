package org.tessera.engine.world;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Counting and compositional VQA (MMStar's role), six templates:
 * <ul>
 *   <li>count: "how many red shapes are there ?" -> {@code <answer>2</answer>} (direct); by kind or size,
 *       reasoned one cell at a time, "how many circles are there ?" -> {@code <think>2 square circle no . 6 circle
 *       circle yes .</think><answer>1</answer>} ({@link CellChecks}): asked directly, the earlier checkpoints got
 *       about one kind or size count in three wrong, where colour counts were right;</li>
 *   <li>list: "which cells hold a red shape ?" (or "a shape": every object) -> {@code <answer>2 5 7</answer>}
 *       (direct, ascending cells): the world's way of teaching an answer that is a list of cell indices, as a
 *       jigsaw answer is; by kind or size ("a circle") reasoned cell by cell as counts are, then the "yes"
 *       cells;</li>
 *   <li>relation: "what colour is the shape left of the blue cross ?" reasoned through the anchor's cell and the
 *       neighbouring cell, then the answer;</li>
 *   <li>order: "list the digits from small to big ." reasoned by first reading the digits in place, then answering
 *       them sorted: an answer that is a reordering of what was seen, without being a jigsaw; or, as often, rank:
 *       "positions are 1 to 3 , small to big . for each digit , write the position where it belongs ." -> each
 *       written digit's rank, a permutation of 1..n whose length only the picture and "1 to n" give (direct).</li>
 *   <li>positions: "the cells are positions 1 to 9 , row by row . for each colour , blue red green , write the
 *       position where it is ." -> {@code <answer>7 1 5</answer>} (direct): one position per item, in the order
 *       asked, as a jigsaw answer is, through grounding. (A variant over the four corners, answered 1 to 4, taught
 *       the model a second meaning for cell numbers and stalled grounding at 0.30: see MODEL_CARD.md.)</li>
 * </ul>
 */
public final class VqaFamily implements KnowledgeFamily {
    public static final String NAME = "vqa";
    private static final SceneSpec COUNT_SPEC = new SceneSpec(1, 5, 0, 1, GlyphFont.DIGITS);
    private static final SceneSpec RELATION_SPEC = new SceneSpec(2, 5, 0, 1, GlyphFont.DIGITS);
    private static final SceneSpec ORDER_SPEC = new SceneSpec(0, 2, 2, 3, GlyphFont.DIGITS);
    private static final SceneSpec POSITIONS_SPEC = SceneSpec.shapes(2, 4);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public WorldExample generate(FamilyContext ctx) {
        int t = ctx.nextInt(24);
        if (t < 7) {
            return count(ctx);
        } else if (t < 11) {
            return list(ctx);
        } else if (t < 16) {
            return relation(ctx);
        } else if (t < 18) {
            return order(ctx);
        } else if (t < 20) {
            return rank(ctx);
        }
        return positions(ctx);
    }

    /**
     * A filter over objects with the words that name it: "red shapes", "circles", "big shapes", "shapes"; {@code check}
     * is the word a count compares with what each cell holds ({@code seen}: its kind, "circle", or its size, "big"),
     * or null when the count is answered directly.
     */
    record Filter(String plural, String singular, Predicate<SceneObject> test, String check,
                  Function<SceneObject, String> seen) {
    }

    private static Filter randomFilter(FamilyContext ctx, Scene scene, boolean forList) {
        int f = ctx.nextInt(forList ? 2 : 4);
        if (f == 0) {
            // half the time a colour that is present, so that counts are not mostly zero
            Colour c = ctx.chance(0.5) ? ctx.pick(scene.objects()).colour() : Colour.values()[ctx.nextInt(Colour.values().length)];
            return new Filter(c.word() + " shapes", c.word() + " shape", o -> o.colour() == c, null, null);
        } else if (f == 1) {
            ShapeKind k = ctx.chance(0.5) ? ctx.pick(scene.objects()).kind() : ShapeKind.values()[ctx.nextInt(ShapeKind.values().length)];
            return new Filter(k.plural(), k.word(), o -> o.kind() == k, k.word(), o -> o.kind().word());
        } else if (f == 2) {
            Size z = Size.values()[ctx.nextInt(Size.values().length)];
            return new Filter(z.word() + " shapes", z.word() + " shape", o -> o.size() == z, z.word(), o -> o.size().word());
        }
        return new Filter("shapes", "shape", o -> true, null, null);
    }

    private WorldExample count(FamilyContext ctx) {
        Scene scene = ctx.scene(COUNT_SPEC, s -> true);
        Filter f = randomFilter(ctx, scene, false);
        String answer = Long.toString(scene.objects().stream().filter(f.test()).count());
        String question = "how many " + f.plural() + " are there ?";
        return item(ctx, scene, question, target(scene, f, answer), answer,
                Candidates.pick(ctx, answer, neighbours(Integer.parseInt(answer)),
                        Candidates.numbers(0, SceneSpec.MAX_OBJECTS), AnswerKind.NUMBER), AnswerKind.NUMBER);
    }

    /** Direct for a colour or every shape; checked cell by cell for a kind or a size ({@link CellChecks}). */
    private static String target(Scene scene, Filter f, String answer) {
        return f.check() == null ? Completions.answer(answer)
                : Completions.reasoned(CellChecks.everyCell(scene, f.check(), f.seen()), answer);
    }

    private WorldExample list(FamilyContext ctx) {
        Scene scene = ctx.scene(COUNT_SPEC, s -> true);
        Filter f;
        List<Integer> cells;
        do { // a list question always has at least one cell to list
            // a third ask for every shape: lists of up to five cells, as long as a 2x2 jigsaw answer and longer
            f = ctx.nextInt(3) == 0 ? new Filter("shapes", "shape", o -> true, null, null) : randomFilter(ctx, scene, true);
            cells = cellsOf(scene, f.test());
        } while (cells.isEmpty());
        String answer = WorldText.joinNumbers(cells);
        String question = "which cells hold a " + f.singular() + " ?";
        return item(ctx, scene, question, target(scene, f, answer), answer,
                Candidates.pick(ctx, answer, listNearMisses(ctx, scene, cells), List.of(), AnswerKind.CELL_LIST),
                AnswerKind.CELL_LIST);
    }

    private WorldExample relation(FamilyContext ctx) {
        Scene scene = ctx.scene(RELATION_SPEC, s -> !relationPairs(s).isEmpty());
        SceneObject[] pair = ctx.pick(relationPairs(scene));
        SceneObject anchor = pair[0];
        SceneObject other = pair[1];
        Relation rel = relationBetween(anchor.cell(), other.cell());
        String thought = "the " + anchor.name() + " is in cell " + anchor.cell() + " . " + rel.phrase()
                + " it is cell " + other.cell() + " .";
        boolean askColour = ctx.chance(0.5);
        String question = askColour
                ? "what colour is the shape " + rel.phrase() + " the " + anchor.name() + " ?"
                : "what shape is " + rel.phrase() + " the " + anchor.name() + " ?";
        String answer = askColour ? other.colour().word() : other.kind().word();
        // the anchor's own attribute is the classic wrong answer (answering about the named shape, not its neighbour)
        List<String> tempting = List.of(askColour ? anchor.colour().word() : anchor.kind().word());
        AnswerKind kind = askColour ? AnswerKind.COLOUR : AnswerKind.SHAPE;
        return item(ctx, scene, question, Completions.reasoned(thought, answer), answer,
                Candidates.pick(ctx, answer, tempting, askColour ? PerceptionFamily.COLOURS : PerceptionFamily.SHAPES,
                        kind), kind);
    }

    private WorldExample order(FamilyContext ctx) {
        Scene scene = ctx.scene(ORDER_SPEC, s -> true);
        List<String> read = List.of(scene.writtenText().split(" "));
        List<String> sorted = new ArrayList<>(read);
        Collections.sort(sorted);
        String answer = String.join(" ", sorted);
        String thought = "i read " + scene.writtenText() + " .";
        List<String> proposals = new ArrayList<>();
        proposals.add(scene.writtenText());
        List<String> desc = new ArrayList<>(sorted);
        Collections.reverse(desc);
        proposals.add(String.join(" ", desc));
        for (int i = 0; i < 6; i++) {
            List<String> p = new ArrayList<>(sorted);
            Collections.shuffle(p, ctx.rng());
            proposals.add(String.join(" ", p));
        }
        return item(ctx, scene, "list the digits from small to big .", Completions.reasoned(thought, answer), answer,
                Candidates.pick(ctx, answer, proposals, List.of(), AnswerKind.DIGIT_LIST), AnswerKind.DIGIT_LIST);
    }

    /**
     * "positions are 1 to 3 , small to big . for each digit , write the position where it belongs ." -> the rank of
     * each written digit, in reading order ({@code <answer>3 1 2</answer>} for "7 3 5"; direct, distinct digits).
     * Text rankings list their numbers in the question; here the count comes only from "1 to n" and the picture, as
     * in a jigsaw prompt. Without it a base model answered jigsaw prompts with one number, so no GRPO sample was a
     * valid arrangement and every reward was 0 (MODEL_CARD.md).
     */
    private WorldExample rank(FamilyContext ctx) {
        Scene scene = ctx.scene(ORDER_SPEC, s -> {
            List<String> d = List.of(s.writtenText().split(" "));
            return d.size() >= 2 && d.stream().distinct().count() == d.size();
        });
        List<Integer> read = Arrays.stream(scene.writtenText().split(" ")).map(Integer::valueOf).toList();
        List<Integer> positions = WorldText.ranks(read);
        String answer = WorldText.joinNumbers(positions);
        String question = "positions are 1 to " + read.size()
                + " , small to big . for each digit , write the position where it belongs .";
        return item(ctx, scene, question, Completions.answer(answer), answer,
                Candidates.pick(ctx, answer, Candidates.shuffledLists(ctx, positions, 6), List.of(),
                        AnswerKind.CELL_LIST), AnswerKind.CELL_LIST);
    }

    private WorldExample positions(FamilyContext ctx) {
        Scene scene = ctx.scene(POSITIONS_SPEC, VqaFamily::distinctColours);
        List<SceneObject> asked = new ArrayList<>(scene.objects());
        Collections.shuffle(asked, ctx.rng());
        List<String> colours = asked.stream().map(o -> o.colour().word()).toList();
        List<Integer> positions = asked.stream().map(SceneObject::cell).toList();
        String question = "the cells are positions 1 to " + Grid.CELLS + " , row by row . for each colour , "
                + String.join(" ", colours) + " , write the position where it is .";
        String answer = WorldText.joinNumbers(positions);
        List<String> proposals = new ArrayList<>(Candidates.shuffledLists(ctx, positions, 8));
        proposals.add(WorldText.joinNumbers(positions.stream().sorted().toList()));
        return item(ctx, scene, question, Completions.answer(answer), answer,
                Candidates.pick(ctx, answer, proposals, List.of(), AnswerKind.CELL_LIST), AnswerKind.CELL_LIST);
    }

    private static boolean distinctColours(Scene scene) {
        return scene.objects().stream().map(SceneObject::colour).distinct().count() == scene.objects().size();
    }

    private static WorldExample item(FamilyContext ctx, Scene scene, String question, String target, String answer,
                                     List<String> candidates, AnswerKind kind) {
        return new WorldExample(scene, new KnowledgeItem(NAME, ctx.id(), ctx.render(scene), question, answer,
                target, candidates, kind));
    }

    /** Off-by-one counts, the likeliest counting mistakes. */
    private static List<String> neighbours(int count) {
        return List.of(Integer.toString(count + 1), Integer.toString(Math.max(0, count - 1)));
    }

    static List<Integer> cellsOf(Scene scene, Predicate<SceneObject> test) {
        return scene.objects().stream().filter(test).map(SceneObject::cell).sorted().toList();
    }

    /** Lists that are almost right: one cell dropped, one occupied non-matching cell added, or one swapped. */
    private static List<String> listNearMisses(FamilyContext ctx, Scene scene, List<Integer> cells) {
        List<Integer> others = new ArrayList<>();
        for (int c = 1; c <= Grid.CELLS; c++) {
            if (!cells.contains(c)) {
                others.add(c);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<Integer> p = new ArrayList<>(cells);
            int move = ctx.nextInt(3);
            if (move == 0 && p.size() > 1) {
                p.remove(ctx.nextInt(p.size()));
            } else if (move == 1 || p.size() == 1) {
                p.add(ctx.pick(others));
            } else {
                p.set(ctx.nextInt(p.size()), ctx.pick(others));
            }
            out.add(WorldText.joinNumbers(p.stream().sorted().toList()));
        }
        return out;
    }

    /** (anchor, neighbour) object pairs in horizontally or vertically adjacent cells. */
    static List<SceneObject[]> relationPairs(Scene scene) {
        List<SceneObject[]> out = new ArrayList<>();
        for (SceneObject a : scene.objects()) {
            for (Relation r : Relation.values()) {
                int n = Grid.neighbour(a.cell(), r);
                if (n != 0) {
                    scene.objectAt(n).ifPresent(b -> out.add(new SceneObject[]{a, b}));
                }
            }
        }
        return out;
    }

    private static Relation relationBetween(int from, int to) {
        for (Relation r : Relation.values()) {
            if (Grid.neighbour(from, r) == to) {
                return r;
            }
        }
        throw new IllegalArgumentException("cells " + from + " and " + to + " are not adjacent");
    }

    @Override
    public Set<String> words() {
        Set<String> w = new TreeSet<>(WorldText.words(
                "how many shapes are there ?", "which cells hold a shape ?", CellChecks.WORDS,
                "what colour is the shape the ?", "what shape is the ?", "the is in cell . it is cell .",
                "list the digits from small to big .", "i read .",
                "positions are 1 to , small to big . for each digit , write the position where it belongs .",
                "the cells are positions 1 to 9 , row by row . for each colour , write the position where it is ."));
        w.addAll(WorldText.enumWords());
        return w;
    }
}
