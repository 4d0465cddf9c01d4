package org.tessera.engine.model.qwen2_5_vl;

import org.tessera.engine.model.ModelProvider;
import org.tessera.engine.model.TrainableModel;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Qwen2.5-VL from a Hugging Face folder ({@code "architectures": ["Qwen2_5_VLForConditionalGeneration"]}), and
 * LoRA adapter folders ({@code adapter_config.json}) on such a base.
 */
public final class QwenVlProvider implements ModelProvider {
    @Override
    public String architecture() {
        return QwenVlConfig.ARCHITECTURE;
    }

    @Override
    public TrainableModel open(Path dir, boolean frozen) {
        return opensFolder(dir) ? QwenVl.loadAdapter(dir, frozen) : QwenVl.load(dir, frozen);
    }

    @Override
    public boolean opensFolder(Path dir) {
        return Files.isRegularFile(dir.resolve(QwenLora.CONFIG));
    }
}
