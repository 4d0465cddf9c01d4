package org.tessera.engine.methods;

import org.tessera.engine.jigsaw.AnswerParser;
import org.tessera.engine.jigsaw.ParseResult;
import org.tessera.engine.jigsaw.Puzzle;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TrainableModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Rea-Self data harvested now: sample a checkpoint on the training puzzles and keep the exact completions. */
final class Harvest {
    private Harvest() {
    }

    static List<SftData.Rollout> fromCheckpoint(Path checkpoint, TaskSetup task, int puzzles, int samples,
                                                float temperature, long seed, int maxNewTokens) {
        List<SftData.Rollout> out = new ArrayList<>();
        try (TrainableModel m = ModelLoader.load(checkpoint, true)) {
            int chunk = 32;
            for (int from = 0; from < puzzles; from += chunk) {
                List<Puzzle> ps = new ArrayList<>();
                for (int i = from; i < Math.min(puzzles, from + chunk); i++) {
                    ps.add(task.trainPuzzle(i));
                }
                List<Prompt> prompts = ps.stream().map(task.template()::prompt).toList();
                List<List<Generation>> gens = m.generate(prompts,
                        GenerationOptions.sampling(maxNewTokens, temperature, samples, seed + from));
                for (int i = 0; i < ps.size(); i++) {
                    for (Generation g : gens.get(i)) {
                        ParseResult pr = AnswerParser.parse(g.text(), ps.get(i).grid(), task.template());
                        if (pr.exact(ps.get(i).answer())) {
                            out.add(new SftData.Rollout(ps.get(i), g.text()));
                        }
                    }
                }
            }
        }
        return out;
    }
}
