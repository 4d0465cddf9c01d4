package org.tessera.engine.jigsaw;

import org.tessera.engine.model.CompletionScore;
import org.tessera.engine.model.Generation;
import org.tessera.engine.model.GenerationOptions;
import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.Prompt;
import org.tessera.engine.model.TextTokenizer;
import org.tessera.engine.model.VisionLanguageModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A fake model for tests: answers each prompt with a scripted text and records what it was asked. */
final class ScriptedModel implements VisionLanguageModel {
    final Function<Prompt, String> script;
    final List<Prompt> seen = new ArrayList<>();
    final List<GenerationOptions> options = new ArrayList<>();
    boolean closedVocabulary = true; // reads prompts as the built-in model does, unless a test says otherwise

    ScriptedModel(Function<Prompt, String> script) {
        this.script = script;
    }

    @Override
    public ModelCard card() {
        return new ModelCard("scripted", "test", 0, 0, "cpu()", null, Map.of(), Map.of());
    }

    @Override
    public TextTokenizer tokenizer() {
        // the evaluator asks only how prompts are worded for this model
        return (TextTokenizer) java.lang.reflect.Proxy.newProxyInstance(TextTokenizer.class.getClassLoader(),
                new Class<?>[]{TextTokenizer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("closedVocabulary")) {
                        return closedVocabulary;
                    }
                    throw new UnsupportedOperationException("not needed by the jigsaw evaluator");
                });
    }

    @Override
    public List<List<Generation>> generate(List<Prompt> prompts, GenerationOptions opts) {
        options.add(opts);
        List<List<Generation>> out = new ArrayList<>();
        for (Prompt p : prompts) {
            seen.add(p);
            List<Generation> samples = new ArrayList<>();
            for (int k = 0; k < opts.samplesPerPrompt(); k++) {
                samples.add(new Generation(script.apply(p), new int[0], 0, true));
            }
            out.add(samples);
        }
        return out;
    }

    @Override
    public List<CompletionScore> score(List<Prompt> prompts, List<String> completions) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void save(Path dir) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VisionLanguageModel frozenCopy() {
        return this;
    }

    @Override
    public void close() {
    }
}
