package org.tessera.engine.cli;

import org.tessera.engine.jobs.ConsoleProgress;
import org.tessera.engine.jobs.JobMonitor;
import org.tessera.engine.io.AtomicFiles;
import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.config.JsonErrors;
import org.tessera.engine.jigsaw.JigsawText;
import org.tessera.engine.model.Safetensors;
import org.tessera.engine.model.tiny.TinyTokenizer;
import org.tessera.engine.model.tiny.TinyVlm;
import org.tessera.engine.model.tiny.TinyVlmConfig;
import org.tessera.engine.model.tiny.TinyVocabulary;
import org.tessera.engine.pretrain.PretrainConfig;
import org.tessera.engine.pretrain.Pretrainer;
import org.tessera.engine.train.AdamW;
import org.tessera.engine.train.JsonlFiles;
import org.tessera.engine.train.TrainerCheckpoint;
import org.tessera.engine.train.TrainingExample;
import org.tessera.engine.world.Curriculum;
import org.tessera.engine.world.KnowledgeItem;
import org.tessera.engine.world.KnowledgeSuite;
import org.tessera.engine.world.PretrainStream;
import org.tessera.engine.world.SuiteResult;
import org.tessera.engine.world.WorldText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code tessera pretrain}: trains the built-in model from scratch on the knowledge world. */
@Command(name = "pretrain", mixinStandardHelpOptions = true,
        description = "Pretrain the built-in tiny model from scratch on the prior-knowledge world. Resumes from the "
                + "newest checkpoint in --out when there is one.")
public final class PretrainCommand implements Callable<Integer> {
    static final ObjectMapper JSON = TesseraJson.INDENTED;

    @Option(names = "--config", required = true, description = "pretraining config (e.g. sample-configs/pretrain-tiny.json)")
    Path configFile;

    @Option(names = "--out", required = true, description = "output folder: the final model, checkpoints/, metrics.jsonl")
    Path out;

    @Option(names = "--no-progress", description = "no progress bar (for logs)")
    boolean noProgress;

    @Override
    public Integer call() throws Exception {
        PretrainConfig cfg = readConfig(configFile);
        Files.createDirectories(out);
        AtomicFiles.write(out.resolve("pretrain-config.json"), JSON.writeValueAsBytes(cfg));
        TinyTokenizer tok = TinyTokenizer.build(TinyVocabulary.words(List.of(WorldText.vocabularyWords(),
                JigsawText.vocabularyWords())));
        PretrainConfig.ModelSizes s = cfg.model();
        TinyVlmConfig mc = new TinyVlmConfig(TinyVlmConfig.ARCHITECTURE, cfg.name(), tok.vocabSize(), s.hiddenSize(),
                s.numLayers(), s.numHeads(), s.intermediateSize(), s.maxTextPositions(), s.imageSize(), s.patchSize(),
                s.maxImages(), 1e-5f, 0.02f, s.visionMlp());
        PretrainStream stream = stream(cfg);
        KnowledgeSuite suite = new KnowledgeSuite();
        try (TinyVlm model = TinyVlm.create(mc, tok, cfg.seed());
             AdamW opt = AdamW.standard(model.parameters(), cfg.weightDecay());
             ConsoleProgress bar = new ConsoleProgress()) {
            JobMonitor progress = noProgress ? JobMonitor.NONE : bar;
            long start = 0;
            Optional<Path> ck = TrainerCheckpoint.latest(out.resolve("checkpoints"));
            if (ck.isPresent()) {
                TrainerCheckpoint.State st = TrainerCheckpoint.readState(ck.get());
                model.loadWeights(Safetensors.read(ck.get().resolve("model.safetensors")));
                opt.restore(TrainerCheckpoint.readOptimizer(ck.get()), st.optimizerSteps());
                start = st.step();
                System.err.println("resuming from " + ck.get() + " (step " + start + ")");
            }
            JsonlFiles.keepUpTo(out.resolve("metrics.jsonl"), start);
            Pretrainer.ExampleStream data = (step, size) -> {
                List<TrainingExample> batch = new ArrayList<>(size);
                for (KnowledgeItem item : stream.batch(step, size)) {
                    batch.add(new TrainingExample(item.prompt(), item.target()));
                }
                return batch;
            };
            double seconds = new Pretrainer(cfg, model, data,
                    m -> toMap(suite.evaluate(m, cfg.evalN(), KnowledgeSuite.DEFAULT_SEED)), out).run(start, opt, progress);
            bar.close();
            if (!noProgress) {
                System.err.println("pretraining took " + (long) seconds + " s");
            }
            model.save(out);
            SuiteResult finalScores = suite.evaluate(model, KnowledgeSuite.DEFAULT_N, KnowledgeSuite.DEFAULT_SEED);
            AtomicFiles.write(out.resolve("knowledge-eval.json"), JSON.writeValueAsBytes(finalScores));
            System.out.println(JSON.writeValueAsString(finalScores));
        }
        return 0;
    }

    static Map<String, Object> toMap(SuiteResult r) {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = JSON.convertValue(r, LinkedHashMap.class);
        return m;
    }

    static PretrainConfig readConfig(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": file not found");
        }
        PretrainConfig cfg;
        try {
            cfg = JSON.readValue(file.toFile(), PretrainConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(file + ": " + e.getOriginalMessage() + JsonErrors.suffix(e), e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<String> problems = cfg.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + String.join("; ", problems));
        }
        return cfg;
    }

    /** {@code data}: {"weights": {family: w}, "curriculum": {"start_objects", "end_objects", "ramp_steps"}}. */
    static PretrainStream stream(PretrainConfig cfg) {
        JsonNode d = cfg.data();
        if (d == null || d.isNull()) {
            return new PretrainStream(cfg.seed());
        }
        Map<String, Double> weights = PretrainStream.defaultWeights();
        if (d.has("weights")) {
            weights = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = d.get("weights").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                weights.put(e.getKey(), e.getValue().asDouble());
            }
        }
        Curriculum c = Curriculum.standard();
        if (d.has("curriculum")) {
            JsonNode cu = d.get("curriculum");
            c = new Curriculum(cu.path("start_objects").asInt(), cu.path("end_objects").asInt(),
                    cu.path("ramp_steps").asLong());
        }
        return new PretrainStream(cfg.seed(), weights, c);
    }
}
