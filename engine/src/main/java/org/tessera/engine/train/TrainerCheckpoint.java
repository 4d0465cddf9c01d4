package org.tessera.engine.train;

import org.tessera.engine.io.TesseraJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.tessera.engine.model.HostTensor;
import org.tessera.engine.model.Safetensors;
import org.tessera.engine.model.TrainableModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A training checkpoint: {@code checkpoints/step-000123/} holds the model (config.json, tokenizer.json,
 * model.safetensors, loadable as a model by itself), {@code optimizer.safetensors} and {@code state.json}
 * (step and optimizer step count). It is written into a temporary folder and renamed, so a checkpoint folder is
 * complete or absent; the newest complete one is the resume point.
 */
public final class TrainerCheckpoint {
    private static final ObjectMapper JSON = TesseraJson.INDENTED;

    /** What a resumed trainer needs besides the weights. */
    public record State(long step, long optimizerSteps) {
    }

    private TrainerCheckpoint() {
    }

    public static Path save(Path checkpointsDir, long step, TrainableModel model, AdamWOptimizer optimizer) {
        try {
            Files.createDirectories(checkpointsDir);
            String name = String.format("step-%07d", step);
            Path tmp = checkpointsDir.resolve(name + ".partial");
            if (Files.exists(tmp)) {
                deleteTree(tmp);
            }
            model.save(tmp);
            Safetensors.write(tmp.resolve("optimizer.safetensors"), optimizer.stateSnapshot(), Map.of());
            JSON.writeValue(tmp.resolve("state.json").toFile(), new State(step, optimizer.steps()));
            Path dst = checkpointsDir.resolve(name);
            if (Files.exists(dst)) {
                deleteTree(dst);
            }
            Files.move(tmp, dst, StandardCopyOption.ATOMIC_MOVE);
            return dst;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + checkpointsDir + ": " + e.getMessage(), e);
        }
    }

    /** The newest complete checkpoint folder, if any. */
    public static Optional<Path> latest(Path checkpointsDir) {
        if (!Files.isDirectory(checkpointsDir)) {
            return Optional.empty();
        }
        try (Stream<Path> s = Files.list(checkpointsDir)) {
            return s.filter(p -> p.getFileName().toString().matches("step-\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("state.json")))
                    .max(Comparator.comparing(p -> p.getFileName().toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static State readState(Path checkpoint) {
        try {
            return JSON.readValue(checkpoint.resolve("state.json").toFile(), State.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + checkpoint.resolve("state.json") + ": " + e.getMessage(), e);
        }
    }

    public static Map<String, HostTensor> readOptimizer(Path checkpoint) {
        return Safetensors.read(checkpoint.resolve("optimizer.safetensors"));
    }

    /** Keeps only the newest {@code keep} checkpoints (a run's disk use stays bounded). */
    public static void prune(Path checkpointsDir, int keep) {
        try (Stream<Path> s = Files.list(checkpointsDir)) {
            var all = s.filter(p -> p.getFileName().toString().matches("step-\\d+"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
            for (int i = 0; i < all.size() - keep; i++) {
                deleteTree(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        }
    }
}
