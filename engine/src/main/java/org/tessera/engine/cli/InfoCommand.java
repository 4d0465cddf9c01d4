package org.tessera.engine.cli;

import org.tessera.engine.io.TesseraJson;

import org.tessera.engine.model.ModelCard;
import org.tessera.engine.model.ModelLoader;
import org.tessera.engine.model.TrainableModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Map;
import java.util.concurrent.Callable;

/** {@code tessera info}: the model card of a checkpoint folder, as text or JSON. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print a model's card: architecture, parameter count, vocabulary, device, file sizes.")
public final class InfoCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ModelOption model = new ModelOption();

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Override
    public Integer call() throws Exception {
        long t0 = System.nanoTime();
        ModelCard card;
        try (TrainableModel m = ModelLoader.load(model.dir(), true)) {
            card = m.card();
        }
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        if (json) {
            System.out.println(TesseraJson.INDENTED.writeValueAsString(card));
        } else {
            System.out.printf("name           %s%n", card.name());
            System.out.printf("architecture   %s%n", card.architecture());
            System.out.printf("parameters     %,d%n", card.parameterCount());
            if (card.config().containsKey("vision_parameters")) { // a Hugging Face model
                System.out.printf("  vision       %,d%n", ((Number) card.config().get("vision_parameters")).longValue());
                System.out.printf("  text         %,d%n", ((Number) card.config().get("text_parameters")).longValue());
                System.out.printf("dtype on disk  %s (computed in float32)%n", card.config().get("dtype_on_disk"));
                System.out.printf("context        %s tokens%n", card.config().get("context_length"));
            }
            System.out.printf("vocabulary     %d tokens%n", card.vocabSize());
            System.out.printf("device         %s (requested: %s)%n", card.device(),
                    org.tessera.engine.model.Devices.requested());
            System.out.printf("engine         %s%n", org.tessera.engine.gpu.EngineInfo.describe());
            System.out.printf("folder         %s%n", card.directory());
            for (Map.Entry<String, Long> f : card.fileSizes().entrySet()) {
                System.out.printf("  %-24s %,12d bytes%n", f.getKey(), f.getValue());
            }
            System.out.printf("config         %s%n", card.config());
            System.out.printf("loaded in      %.2f s%n", loadSeconds);
        }
        return 0;
    }
}
