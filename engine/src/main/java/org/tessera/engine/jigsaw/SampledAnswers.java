package org.tessera.engine.jigsaw;

import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.VisionLanguageModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a model's sampled answers to puzzles look like: how many are valid arrangements, how many are exact, and why
 * the others fail. This is what decides whether GRPO can start at all: with no valid sample in a group, every reward
 * that needs a permutation is equal and every advantage is zero.
 *
 * @param samples   answers sampled (puzzles x samples per puzzle)
 * @param valid     fraction that parse to a valid arrangement of the grid
 * @param exact     fraction that are the correct arrangement
 * @param failures  count of each parse failure among the invalid ones
 * @param examples  the first few distinct completions, to see what the model writes
 */
public record SampledAnswers(String grid, float temperature, int samples, double valid, double exact,
                             Map<String, Integer> failures, List<String> examples) {
    static final int EXAMPLES = 6;

    public static SampledAnswers measure(VisionLanguageModel model, List<Puzzle> puzzles, PromptTemplate template,
                                         int perPuzzle, float temperature, int maxNewTokens, long seed) {
        List<Prompt> prompts = new ArrayList<>(puzzles.size());
        for (Puzzle p : puzzles) {
            prompts.add(template.prompt(p, PromptWording.of(model)));
        }
        List<List<Generation>> out = model.generate(prompts,
                GenerationOptions.sampling(maxNewTokens, temperature, perPuzzle, seed));
        int total = 0;
        int valid = 0;
        int exact = 0;
        Map<String, Integer> failures = new TreeMap<>();
        Set<String> examples = new LinkedHashSet<>();
        for (int i = 0; i < puzzles.size(); i++) {
            Grid grid = puzzles.get(i).grid();
            for (Generation g : out.get(i)) {
                total++;
                if (examples.size() < EXAMPLES) {
                    examples.add(g.text());
                }
                ParseResult r = AnswerParser.parse(g.text(), grid, template);
                if (r.ok()) {
                    valid++;
                    exact += r.exact(puzzles.get(i).answer()) ? 1 : 0;
                } else {
                    failures.merge(r.failure().name(), 1, Integer::sum);
                }
            }
        }
        String grid = puzzles.isEmpty() ? "" : puzzles.get(0).grid().toString();
        return new SampledAnswers(grid, temperature, total, total == 0 ? 0 : (double) valid / total,
                total == 0 ? 0 : (double) exact / total, failures, List.copyOf(examples));
    }
}
