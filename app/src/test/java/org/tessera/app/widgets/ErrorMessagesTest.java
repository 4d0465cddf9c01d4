package org.tessera.app.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tessera.engine.model.ModelLoadException;

class ErrorMessagesTest {

    @Test
    void listsTheCauseChainWithoutRepeats() {
        IOException io = new IOException("disk on fire");
        ModelLoadException error = new ModelLoadException(Path.of("m", "model.safetensors"), "cannot read", io);
        RuntimeException wrapper = new RuntimeException(error.getMessage(), error);

        assertEquals(Path.of("m", "model.safetensors") + ": cannot read\nCaused by: disk on fire",
                ErrorMessages.describe(wrapper));
    }

    @Test
    void namesExceptionsThatHaveNoMessage() {
        assertEquals("NullPointerException", ErrorMessages.describe(new NullPointerException()));
    }
}
